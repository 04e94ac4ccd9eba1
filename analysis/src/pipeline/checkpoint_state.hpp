#pragma once
// The binary form of a checkpoint (which run it belongs to, how long its files were, and the
// run's state, run_state.hpp) and of a segment journal's frame records (segment_journal.hpp).
// Native byte order: a checkpoint is resumed on the machine (or the cluster of like machines) that
// wrote it, never exchanged.

#include <cstdint>
#include <string>
#include <string_view>

#include "huescope/status.hpp"
#include "run_state.hpp"

namespace huescope {

struct CheckpointRecord {
    /// Names the run: huescope's version, the input file and its parameters. A checkpoint is
    /// only resumed by a run with the same key.
    std::string key;
    uint64_t csv_bytes = 0;   ///< frames.csv so far
    int64_t hue_rows = 0;     ///< hue_time spool records so far
    int64_t scope_shots = 0;  ///< vectorscope spool records so far
};

std::string encode_checkpoint(const CheckpointRecord& record, const RunState& state);

/// Reads `record`, then `state` if the record's key is `expected_key`: InvalidArgument when it
/// is not (the checkpoint is another run's), BadData when the bytes are not a whole checkpoint.
Status decode_checkpoint(std::string_view bytes, const std::string& expected_key,
                         CheckpointRecord& record, RunState& state);

/// One measured frame as a segment's journal keeps it: where it was read, its size, picture
/// area, accumulator and thumbnail. Enough to replay it through the order-dependent stage exactly
/// as if it had just been measured (not its pixels: plugins cannot run on a replay).
std::string encode_frame_record(const PreparedFrame& frame);
/// The reverse; the signature is rebuilt from the thumbnail. BadData on damage.
Status decode_frame_record(std::string_view bytes, PreparedFrame& frame);

}  // namespace huescope
