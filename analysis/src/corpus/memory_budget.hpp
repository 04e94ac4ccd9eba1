#pragma once
// Films analysed at once must fit in memory together. Each claims its estimate before it
// starts and waits while the claims would pass the budget; one film always runs, however big.

#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "huescope/source.hpp"

namespace huescope {

/// Peak memory of one analysis, from its picture size: measured at 136 MiB for 1080p and
/// 457 MiB for 2160p on two cores (docs/performance.md), i.e. about 32 MiB plus 13 bytes per
/// pixel for each frame in flight (cores + 2 of them).
uint64_t estimated_bytes(const SourceInfo& info);

class MemoryBudget {
  public:
    /// 70% of the memory available now (MemAvailable), leaving room for the system and caches.
    MemoryBudget();

    class Claim {
      public:
        Claim(MemoryBudget& budget, uint64_t bytes) : m_budget(budget), m_bytes(bytes) {}
        ~Claim() { m_budget.release(m_bytes); }
        Claim(const Claim&) = delete;
        Claim& operator=(const Claim&) = delete;

      private:
        MemoryBudget& m_budget;
        uint64_t m_bytes;
    };
    /// Waits until `bytes` fit (or nothing else runs), then holds them until the claim ends.
    [[nodiscard]] Claim claim(uint64_t bytes);

  private:
    void release(uint64_t bytes);
    std::mutex m_mutex;
    std::condition_variable m_changed;
    uint64_t m_total = 0;
    uint64_t m_used = 0;
};

}  // namespace huescope
