#include "completeness.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace huescope {

Completeness assess_completeness(const AnalysisResult& r, int64_t concealed, bool whole_source) {
    Completeness c;
    c.decode_errors = r.decode_errors;
    c.concealed_frames = concealed;
    // Only the source's own count can show a loss: an estimate from a rate the user gave or
    // huescope assumed says nothing about what the file holds.
    const bool own_count = !r.source.frame_count_estimated ||
                           r.source.frame_rate_from == "stream" ||
                           r.source.frame_rate_from == "header";
    if (whole_source && r.source.frame_count > 0 && own_count) {
        c.frames_expected = r.source.frame_count;
        c.expected_is_estimate = r.source.frame_count_estimated;
        // An estimate (duration x rate) can be a frame or two off in either direction.
        const int64_t slack =
            c.expected_is_estimate ? std::max<int64_t>(2, c.frames_expected / 200) : 0;
        // Frames that failed to decode are counted as such, not again as lost.
        const int64_t accounted = r.frames_decoded + r.decode_errors;
        if (accounted + slack < c.frames_expected) {
            c.frames_lost = c.frames_expected - accounted;
        }
    }
    const auto count = [](int64_t n, const char* what) { return std::to_string(n) + " " + what; };
    if (c.frames_lost > 0) {
        c.reasons.push_back(count(c.frames_lost, "frames were lost: the file promised ") +
                            std::to_string(c.frames_expected) +
                            (c.expected_is_estimate ? " (from its duration)" : "") + " and gave " +
                            std::to_string(r.frames_decoded) +
                            (r.decode_errors > 0 ? ", and " + std::to_string(r.decode_errors) +
                                                       " more that could not be decoded"
                                                 : std::string()));
    }
    if (c.decode_errors > 0) {
        c.reasons.push_back(count(c.decode_errors, "packets or frames could not be decoded") +
                            " and were skipped");
    }
    if (c.concealed_frames > 0) {
        c.reasons.push_back(count(c.concealed_frames, "frames were damaged") +
                            "; the decoder concealed it and they were measured as shown");
    }
    c.partial = !c.reasons.empty();
    const auto share = [&](uint64_t n) {
        const double all = static_cast<double>(r.film.pixels + r.film.invalid);
        char text[32];
        std::snprintf(text, sizeof text, "%.3g%%", all > 0 ? 100.0 * double(n) / all : 0.0);
        return std::string(text);
    };
    if (r.film.invalid > 0) {
        c.notes.push_back(std::to_string(r.film.invalid) + " pixels had NaN or infinite values (" +
                          share(r.film.invalid) + "): they were left out of every statistic");
    }
    if (r.film.negative > 0) {
        c.notes.push_back(std::to_string(r.film.negative) + " pixels (" + share(r.film.negative) +
                          ") lie outside the BT.709 gamut (a negative linear component); they "
                          "are legal colours and were measured");
    }
    return c;
}

}  // namespace huescope
