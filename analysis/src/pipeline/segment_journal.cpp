#include "segment_journal.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>

#include <nlohmann/json.hpp>

#include "checkpoint_state.hpp"

namespace huescope {
namespace fs = std::filesystem;
namespace {

constexpr const char* kJournal = "frames.journal";
constexpr const char* kRecord = "segment.json";
// A record is one frame's accumulator and thumbnail, about 35 KB: anything far larger is damage.
constexpr uint64_t kMaxRecordBytes = 16u << 20;

nlohmann::json record_json(const SegmentRecord& r) {
    return {{"key", r.key},
            {"segment", r.index},
            {"of", r.count},
            {"start_s", r.start_s},
            {"end_s", r.end_s ? nlohmann::json(*r.end_s) : nlohmann::json(nullptr)},
            {"frames", r.frames},
            {"frames_decoded", r.frames_decoded},
            {"decode_errors", r.decode_errors},
            {"concealed_frames", r.concealed_frames},
            {"notes", r.notes},
            {"arguments", r.arguments}};
}

Result<SegmentRecord> read_record(const std::string& folder) {
    const fs::path path = fs::path(folder) / kRecord;
    std::ifstream in(path);
    if (!in) {
        return Status(ErrorCode::NoInput,
                      "segment '" + folder + "' is missing or was not finished (no segment.json)");
    }
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        SegmentRecord r;
        r.key = j.at("key").get<std::string>();
        r.index = j.at("segment").get<int>();
        r.count = j.at("of").get<int>();
        r.start_s = j.at("start_s").get<double>();
        if (!j.at("end_s").is_null()) r.end_s = j.at("end_s").get<double>();
        r.frames = j.at("frames").get<int64_t>();
        r.frames_decoded = j.at("frames_decoded").get<int64_t>();
        r.decode_errors = j.at("decode_errors").get<int64_t>();
        r.concealed_frames = j.at("concealed_frames").get<int64_t>();
        r.notes = j.at("notes").get<std::vector<std::string>>();
        r.arguments = j.at("arguments").get<std::vector<std::string>>();
        return r;
    } catch (const std::exception& e) {
        return Status(ErrorCode::BadData, "'" + path.string() + "' is damaged: " + e.what());
    }
}

}  // namespace

std::string segments_folder(const std::string& output_dir) {
    return (fs::path(output_dir) / "segments").string();
}

std::string segment_folder(const std::string& output_dir, int index, int count) {
    return (fs::path(segments_folder(output_dir)) /
            (std::to_string(index) + "-of-" + std::to_string(count)))
        .string();
}

JournalWriter::JournalWriter(const std::string& folder)
    : m_journal((fs::path(folder) / kJournal).string()),
      m_record((fs::path(folder) / kRecord).string()) {}

Status JournalWriter::open() {
    return m_journal.open();
}

Status JournalWriter::add(const PreparedFrame& frame) {
    const std::string bytes = encode_frame_record(frame);
    const uint64_t size = bytes.size();
    m_journal.stream().write(reinterpret_cast<const char*>(&size), sizeof size);
    m_journal.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!m_journal.stream())
        return Status(ErrorCode::Io, "writing the journal failed (disk full?)");
    return Status::ok();
}

Status JournalWriter::commit(const SegmentRecord& record) {
    if (Status s = m_journal.commit(); !s) return s;
    if (Status s = m_record.open(); !s) return s;
    m_record.stream() << record_json(record).dump(2) << "\n";
    return m_record.commit();
}

Result<std::unique_ptr<JournalFeed>> JournalFeed::open(const std::string& output_dir, int count,
                                                       const std::string& key, bool renumber) {
    std::unique_ptr<JournalFeed> feed(new JournalFeed());
    feed->m_output_dir = output_dir;
    feed->m_renumber = renumber;
    for (int k = 1; k <= count; ++k) {
        Result<SegmentRecord> record = read_record(segment_folder(output_dir, k, count));
        if (!record) return record.status();
        if (record.value().key != key) {
            return Status(ErrorCode::InvalidArgument,
                          "segment " + std::to_string(k) + " of " + std::to_string(count) +
                              " was measured from another input or with other parameters");
        }
        feed->m_frames_decoded += record.value().frames_decoded;
        feed->m_segments.push_back(std::move(record).value());
    }
    if (Status s = feed->open_journal(); !s) return s;
    return feed;
}

Status JournalFeed::open_journal() {
    m_in = std::ifstream();
    if (m_current >= m_segments.size()) return Status::ok();
    const SegmentRecord& r = m_segments[m_current];
    const fs::path path = fs::path(segment_folder(m_output_dir, r.index, r.count)) / kJournal;
    m_in.open(path, std::ios::binary);
    if (!m_in) return Status(ErrorCode::NoInput, "cannot read '" + path.string() + "'");
    m_read = 0;
    return Status::ok();
}

Result<bool> JournalFeed::next(PreparedFrame& out) {
    while (m_current < m_segments.size() && m_read == m_segments[m_current].frames) {
        m_number_base += m_segments[m_current].frames_decoded;
        ++m_current;
        if (Status s = open_journal(); !s) return s;
    }
    if (m_current >= m_segments.size()) return false;
    const SegmentRecord& segment = m_segments[m_current];
    const std::string where = "segment " + std::to_string(segment.index) + " of " +
                              std::to_string(segment.count) + "'s journal";
    uint64_t size = 0;
    m_in.read(reinterpret_cast<char*>(&size), sizeof size);
    if (!m_in || size > kMaxRecordBytes) {
        return Status(ErrorCode::BadData, where + " is shorter than its segment.json says");
    }
    std::string bytes(size, '\0');
    m_in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (!m_in) return Status(ErrorCode::BadData, where + " is truncated");
    if (Status s = decode_frame_record(bytes, out); !s) {
        return Status(s.code(), where + ": " + s.message());
    }
    // Every frame a later segment delivers is measured (segments take no --every or range), so
    // its place in decode order is the frames before its segment plus its place in it.
    if (m_renumber && segment.index > 1)
        out.frame.number = out.read.number = m_number_base + m_read;
    ++m_read;
    return true;
}

int64_t JournalFeed::decode_errors() const {
    int64_t n = 0;
    for (const SegmentRecord& r : m_segments) n += r.decode_errors;
    return n;
}

int64_t JournalFeed::concealed_frames() const {
    int64_t n = 0;
    for (const SegmentRecord& r : m_segments) n += r.concealed_frames;
    return n;
}

std::vector<std::string> JournalFeed::source_notes() const {
    std::vector<std::string> all;
    for (const SegmentRecord& r : m_segments)
        for (const std::string& note : r.notes)
            if (std::find(all.begin(), all.end(), note) == all.end()) all.push_back(note);
    return all;
}

}  // namespace huescope

namespace huescope {

Result<SegmentsFound> find_segments(const std::string& output_dir) {
    const fs::path root = segments_folder(output_dir);
    std::error_code ec;
    int count = 0;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        int k = 0, n = 0;
        char tail = 0;
        const std::string name = entry.path().filename().string();
        if (std::sscanf(name.c_str(), "%d-of-%d%c", &k, &n, &tail) != 2 || n < 1) continue;
        if (count != 0 && n != count) {
            return Status(ErrorCode::InvalidArgument,
                          "'" + root.string() + "' holds segments of two splits (" +
                              std::to_string(count) + " and " + std::to_string(n) +
                              "); remove the ones not wanted");
        }
        count = n;
    }
    if (count == 0) {
        return Status(ErrorCode::NoInput, "no segments in '" + output_dir +
                                              "' (they are made by analyze --segment K/N)");
    }
    Result<SegmentRecord> first = read_record(segment_folder(output_dir, 1, count));
    if (!first) return first.status();
    return SegmentsFound{count, first.value().arguments};
}

}  // namespace huescope
