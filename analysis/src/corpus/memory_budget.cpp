#include "memory_budget.hpp"

#include <fstream>
#include <string>

#include "huescope/parallel.hpp"

namespace huescope {

uint64_t estimated_bytes(const SourceInfo& info) {
    const uint64_t pixels = static_cast<uint64_t>(info.width) * static_cast<uint64_t>(info.height);
    const uint64_t in_flight = parallel_chunks() + 2;
    return (32ull << 20) + 13 * pixels * in_flight;
}

MemoryBudget::MemoryBudget() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kib = 0;
    std::string unit;
    while (meminfo >> key >> kib >> unit) {
        if (key == "MemAvailable:") {
            m_total = kib * 1024 / 10 * 7;
            break;
        }
    }
    if (m_total == 0) m_total = 2ull << 30;  // no /proc: assume a modest 2 GiB
}

MemoryBudget::Claim MemoryBudget::claim(uint64_t bytes) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_used == 0 || m_used + bytes <= m_total; });
    m_used += bytes;
    return Claim(*this, bytes);
}

void MemoryBudget::release(uint64_t bytes) {
    {
        std::lock_guard lock(m_mutex);
        m_used -= bytes;
    }
    m_changed.notify_all();
}

}  // namespace huescope
