#pragma once
// Splits work across the machine's cores: a persistent pool runs chunks of a loop in parallel.
// Callers give each chunk its own output and combine them in chunk order, so results do not
// depend on scheduling (the same input always gives the same numbers).

#include <cstddef>
#include <functional>

namespace huescope {

/// Number of chunks parallel_for() splits work into (the number of hardware threads, at least 1).
std::size_t parallel_chunks();

/// Runs `body(chunk)` for chunk = 0 .. chunks-1, in parallel, and returns when all are done.
/// `body` must not throw. On a thread inside a SerialScope the chunks run one after another on
/// the calling thread (same chunks, same order, so the same results).
void parallel_for(std::size_t chunks, const std::function<void(std::size_t)>& body);

/// While alive, parallel_for() on this thread runs its chunks itself. For threads that are
/// already one of several working in parallel (the analysis pipeline's frame workers): splitting
/// their work again would only add waiting.
class SerialScope {
  public:
    SerialScope();
    ~SerialScope();
    SerialScope(const SerialScope&) = delete;
    SerialScope& operator=(const SerialScope&) = delete;

  private:
    bool m_was_serial;
};

/// The [begin, end) of `chunk` when `count` items are split into `chunks` near-equal parts.
inline void chunk_range(std::size_t count, std::size_t chunks, std::size_t chunk,
                        std::size_t& begin, std::size_t& end) {
    begin = count * chunk / chunks;
    end = count * (chunk + 1) / chunks;
}

}  // namespace huescope
