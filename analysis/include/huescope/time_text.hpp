#pragma once
// Times as people write them: clock times for ranges and cut lists, SMPTE timecodes for edit
// decision lists and annotated shot lists. One owner, so every option reads them alike.

#include <cstdint>
#include <string>

namespace huescope {

/// Parses "SECONDS", "MM:SS(.s)" or "HH:MM:SS(.s)" (non-negative).
bool parse_clock_time(const std::string& text, double& seconds);

/// HH:MM:SS:FF, or HH:MM:SS;FF (also , before FF) counted drop-frame (29.97 and 59.94 fps).
struct Timecode {
    int64_t seconds = 0;  ///< HH * 3600 + MM * 60 + SS as labelled
    int64_t frames = 0;   ///< FF
    bool drop_frame = false;
};

/// Parses a timecode; false when the text is not one.
bool parse_timecode(const std::string& text, Timecode& timecode);

/// The frames a timecode counts from 00:00:00:00 at a film's rate: the nominal rate is the rate
/// rounded (24 for 23.976, 30 for 29.97); drop frame skips labels 00 and 01 (00-03 at 59.94) of
/// every minute but each tenth, never frames.
int64_t timecode_frame_count(const Timecode& timecode, double frame_rate);

}  // namespace huescope
