#pragma once
// Reading one line of the CSV files huescope reads back (its own frames.csv and shots.csv, a
// user's cut list): one owner for how a line splits into fields, so every reader agrees.

#include <string>
#include <vector>

namespace huescope {

/// Splits a line on `separator` outside double quotes (RFC 4180: quotes are dropped, a field may
/// hold the separator), drops a trailing CR and trims blanks around each field. "a,,b," gives
/// four fields, the last empty.
std::vector<std::string> split_csv_line(const std::string& line, char separator = ',');

/// A field as a number, NaN when empty (huescope's "undefined") or not wholly a number.
double csv_number(const std::string& field);

}  // namespace huescope
