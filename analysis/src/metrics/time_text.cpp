#include "huescope/time_text.hpp"

#include <cmath>
#include <cstdlib>
#include <vector>

namespace huescope {

bool parse_clock_time(const std::string& text, double& seconds) {
    if (text.empty()) return false;
    double total = 0.0;
    std::size_t begin = 0;
    int fields = 0;
    while (true) {
        const std::size_t colon = text.find(':', begin);
        const std::string part =
            text.substr(begin, colon == std::string::npos ? colon : colon - begin);
        char* end = nullptr;
        const double value = std::strtod(part.c_str(), &end);
        if (part.empty() || *end != '\0' || value < 0 || ++fields > 3) return false;
        total = total * 60.0 + value;
        if (colon == std::string::npos) break;
        begin = colon + 1;
    }
    seconds = total;
    return true;
}

bool parse_timecode(const std::string& text, Timecode& timecode) {
    // Exactly four fields of digits; the last separator says drop frame (';' or ','). A '.'
    // is never a timecode's: 0:00:05.5 is a clock time.
    std::vector<int64_t> fields;
    char last_separator = 0;
    int64_t value = 0;
    int digits = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            if (++digits > 3) return false;
            value = value * 10 + (c - '0');
            continue;
        }
        if (c != ':' && c != ';' && c != ',') return false;
        if (digits == 0) return false;
        fields.push_back(value);
        last_separator = c;
        value = 0;
        digits = 0;
    }
    if (digits == 0) return false;
    fields.push_back(value);
    if (fields.size() != 4) return false;
    if (fields[1] > 59 || fields[2] > 59) return false;
    timecode.seconds = fields[0] * 3600 + fields[1] * 60 + fields[2];
    timecode.frames = fields[3];
    timecode.drop_frame = last_separator != ':';
    return true;
}

int64_t timecode_frame_count(const Timecode& timecode, double frame_rate) {
    const int64_t nominal = std::max<int64_t>(1, std::llround(frame_rate));
    int64_t count = timecode.seconds * nominal + timecode.frames;
    if (timecode.drop_frame && (nominal == 30 || nominal == 60)) {
        const int64_t dropped_per_minute = nominal == 30 ? 2 : 4;
        const int64_t minutes = timecode.seconds / 60;
        count -= dropped_per_minute * (minutes - minutes / 10);
    }
    return count;
}

}  // namespace huescope
