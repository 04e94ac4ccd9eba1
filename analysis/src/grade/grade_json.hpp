#pragma once
// grade.json: what `huescope grade` measured (docs/grade.md, "grade.json").

#include <string>

#include "huescope/grade.hpp"

namespace huescope {

/// Writes OUTDIR/grade.json atomically.
Status write_grade_json(const GradeResult& result, const GradeOptions& options,
                        const std::string& path);

}  // namespace huescope
