#include "frame_pipeline.hpp"

#include "huescope/parallel.hpp"

namespace huescope {

FramePipeline::FramePipeline(FrameSource& source, Selector select, Preparer prepare)
    : m_source(source),
      m_select(std::move(select)),
      m_prepare(std::move(prepare)),
      m_notes(source.info().notes) {
    // One worker per core: FFmpeg's decode threads and the reader share the cores with them,
    // and the operating system balances the lot. Two frames beyond the workers keep every
    // worker fed while the caller finishes the previous one.
    const std::size_t workers = parallel_chunks();
    m_capacity = workers + 2;
    m_threads.emplace_back([this] { read(); });
    for (std::size_t i = 0; i < workers; ++i) m_threads.emplace_back([this] { work(); });
}

FramePipeline::~FramePipeline() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    for (std::thread& t : m_threads) t.join();
}

void FramePipeline::read() {
    while (true) {
        PreparedFrame slot;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] {
                return m_stop || m_read - m_returned < static_cast<int64_t>(m_capacity);
            });
            if (m_stop) break;
            if (!m_spare.empty()) {
                slot = std::move(m_spare.back());
                m_spare.pop_back();
            }
        }
        // Reading happens outside the lock: it is the slow part, and it may itself use the
        // parallel_for pool for the colour decode.
        Result<bool> got = m_source.next(slot.frame);
        std::lock_guard lock(m_mutex);
        // The source appends notes on this thread; the caller reads this copy.
        if (m_source.info().notes.size() != m_notes.size()) m_notes = m_source.info().notes;
        if (!got || !got.value()) {
            if (!got) m_read_status = got.status();
            break;
        }
        ++m_decoded;
        slot.read = {slot.frame.number, slot.frame.time_s, m_decoded, m_source.decode_errors(),
                     m_source.concealed_frames()};
        const Take take = m_select(slot.frame);
        if (take == Take::Stop) break;
        if (take == Take::Skip) {
            m_spare.push_back(std::move(slot));
            continue;
        }
        m_to_prepare.emplace_back(m_read++, std::move(slot));
        m_changed.notify_all();
    }
    std::lock_guard lock(m_mutex);
    m_reading_done = true;
    m_changed.notify_all();
}

void FramePipeline::work() {
    // Each worker measures a frame on its own: splitting a frame across cores again would only
    // add waiting (the cores are already busy with other frames).
    const SerialScope serial;
    while (true) {
        std::pair<int64_t, PreparedFrame> job;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || !m_to_prepare.empty() || m_reading_done; });
            if (m_stop || m_to_prepare.empty()) return;  // stopped, or nothing more will come
            job = std::move(m_to_prepare.front());
            m_to_prepare.pop_front();
        }
        m_prepare(job.second);
        std::lock_guard lock(m_mutex);
        m_prepared.emplace(job.first, std::move(job.second));
        m_changed.notify_all();
    }
}

Result<bool> FramePipeline::next(PreparedFrame& out) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] {
        return m_prepared.count(m_returned) > 0 || (m_reading_done && m_returned == m_read);
    });
    const auto it = m_prepared.find(m_returned);
    if (it == m_prepared.end()) {  // everything read has been returned
        if (!m_read_status) return m_read_status;
        return false;
    }
    out = std::move(it->second);
    m_prepared.erase(it);
    ++m_returned;
    m_changed.notify_all();  // the reader may read one more
    return true;
}

void FramePipeline::recycle(PreparedFrame&& done) {
    std::lock_guard lock(m_mutex);
    if (m_spare.size() < m_capacity) m_spare.push_back(std::move(done));
}

std::vector<std::string> FramePipeline::source_notes() const {
    std::lock_guard lock(m_mutex);
    return m_notes;
}

int64_t FramePipeline::frames_decoded() const {
    std::lock_guard lock(m_mutex);
    return m_decoded;
}

}  // namespace huescope
