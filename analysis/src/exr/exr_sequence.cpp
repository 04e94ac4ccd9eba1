#include "exr_sequence.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>

namespace huescope {
namespace fs = std::filesystem;
namespace {

bool ends_with_exr(const std::string& name) {
    if (name.size() < 4) return false;
    std::string ext = name.substr(name.size() - 4);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".exr";
}

// The frame number of a file name: the last run of digits before the extension.
bool trailing_number(const std::string& stem, int64_t& number) {
    std::size_t end = stem.size();
    std::size_t begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(stem[begin - 1]))) --begin;
    if (begin == end || end - begin > 12) return false;
    number = std::stoll(stem.substr(begin, end - begin));
    return true;
}

// Turns "shot.%04d.exr" or "shot.####.exr" into a regex capturing the number.
bool pattern_regex(const std::string& file_pattern, std::regex& out) {
    static const std::regex printf_spec(R"(%0?(\d*)d)");
    static const std::regex hashes(R"(#+)");
    std::smatch m;
    std::string prefix, suffix;
    if (std::regex_search(file_pattern, m, printf_spec) ||
        std::regex_search(file_pattern, m, hashes)) {
        prefix = m.prefix().str();
        suffix = m.suffix().str();
    } else {
        return false;
    }
    auto escape = [](const std::string& s) {
        static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
        return std::regex_replace(s, special, R"(\$&)");
    };
    out = std::regex("^" + escape(prefix) + "(\\d{1,12})" + escape(suffix) + "$");
    return true;
}

}  // namespace

bool looks_like_exr_sequence(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return true;
    return ends_with_exr(path);
}

Result<std::vector<SequenceFile>> list_sequence(const std::string& path) {
    std::vector<SequenceFile> files;
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
        for (const auto& entry : fs::directory_iterator(p, ec)) {
            const std::string name = entry.path().filename().string();
            int64_t number = 0;
            if (entry.is_regular_file(ec) && ends_with_exr(name) &&
                trailing_number(entry.path().stem().string(), number)) {
                files.push_back({number, entry.path().string()});
            }
        }
        if (ec) return Status(ErrorCode::Io, "cannot list '" + path + "': " + ec.message());
        if (files.empty())
            return Status(ErrorCode::NoInput, "no numbered .exr files in '" + path + "'");
    } else {
        std::regex re;
        if (!pattern_regex(p.filename().string(), re)) {
            if (!fs::exists(p, ec))
                return Status(ErrorCode::NoInput, "'" + path + "' does not exist");
            int64_t number = 0;
            trailing_number(p.stem().string(), number);
            return std::vector<SequenceFile>{{number, path}};  // a single EXR file
        }
        const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            std::smatch m;
            const std::string name = entry.path().filename().string();
            // Regular files only: a named pipe among the frames would make the reader wait forever.
            if (std::regex_match(name, m, re) && entry.is_regular_file(ec))
                files.push_back({std::stoll(m[1].str()), entry.path().string()});
        }
        if (files.empty()) return Status(ErrorCode::NoInput, "no files match '" + path + "'");
    }
    std::sort(files.begin(), files.end(),
              [](const SequenceFile& a, const SequenceFile& b) { return a.number < b.number; });
    for (std::size_t i = 1; i < files.size(); ++i) {
        if (files[i].number == files[i - 1].number) {
            return Status(ErrorCode::BadData,
                          "two files carry frame number " + std::to_string(files[i].number) +
                              ": '" + files[i - 1].path + "' and '" + files[i].path + "'");
        }
    }
    return files;
}

}  // namespace huescope
