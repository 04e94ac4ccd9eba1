#include "csv_fields.hpp"

#include <cctype>
#include <cstdlib>
#include <limits>

namespace huescope {
namespace {

std::string trimmed(const std::string& text) {
    std::size_t a = 0, b = text.size();
    while (a < b && std::isspace(static_cast<unsigned char>(text[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
    return text.substr(a, b - a);
}

}  // namespace

std::vector<std::string> split_csv_line(const std::string& line, char separator) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    std::size_t end = line.size();
    if (end > 0 && line[end - 1] == '\r') --end;
    for (std::size_t i = 0; i < end; ++i) {
        const char c = line[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == separator && !quoted) {
            fields.push_back(trimmed(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(trimmed(field));
    return fields;
}

double csv_number(const std::string& field) {
    if (field.empty()) return std::numeric_limits<double>::quiet_NaN();
    char* end = nullptr;
    const double value = std::strtod(field.c_str(), &end);
    return end && *end == '\0' ? value : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace huescope
