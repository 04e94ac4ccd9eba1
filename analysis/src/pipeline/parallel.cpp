#include "huescope/parallel.hpp"

#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace huescope {
namespace {

// Workers wait for a batch, take chunks until none is left, and report when the batch is done.
class Pool {
  public:
    explicit Pool(std::size_t threads) {
        for (std::size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { work(); });
    }
    ~Pool() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread& t : m_threads) t.join();
    }

    void run(std::size_t chunks, const std::function<void(std::size_t)>& body) {
        std::lock_guard one_batch_at_a_time(m_run_mutex);
        std::unique_lock lock(m_mutex);
        m_body = &body;
        m_chunks = chunks;
        m_next = 0;
        m_pending = chunks;
        ++m_batch;
        m_wake.notify_all();
        // The calling thread works too, then waits for the stragglers.
        while (m_next < m_chunks) {
            const std::size_t chunk = m_next++;
            lock.unlock();
            body(chunk);
            lock.lock();
            --m_pending;
        }
        m_done.wait(lock, [this] { return m_pending == 0; });
        m_body = nullptr;
    }

  private:
    void work() {
        std::unique_lock lock(m_mutex);
        std::size_t seen = 0;
        while (true) {
            m_wake.wait(lock, [&] { return m_stop || (m_batch != seen && m_next < m_chunks); });
            if (m_stop) return;
            seen = m_batch;
            while (m_body != nullptr && m_next < m_chunks) {
                const std::size_t chunk = m_next++;
                const auto* body = m_body;
                lock.unlock();
                (*body)(chunk);
                lock.lock();
                if (--m_pending == 0) m_done.notify_all();
            }
        }
    }

    std::mutex m_run_mutex;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    std::vector<std::thread> m_threads;
    const std::function<void(std::size_t)>* m_body = nullptr;
    std::size_t m_chunks = 0, m_next = 0, m_pending = 0, m_batch = 0;
    bool m_stop = false;
};

thread_local bool t_serial = false;

Pool& pool() {
    // One helper thread fewer than chunks: the calling thread takes a share itself.
    static Pool instance(parallel_chunks() - 1);
    return instance;
}

}  // namespace

std::size_t parallel_chunks() {
    // The CPUs this process may run on, not the machine's: a Slurm task, a container or
    // `taskset` gives it fewer, and more threads than those only queue.
    static const std::size_t n = [] {
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0)
            return static_cast<std::size_t>(CPU_COUNT(&allowed));
        return std::max<std::size_t>(1, std::thread::hardware_concurrency());
    }();
    return n;
}

SerialScope::SerialScope() : m_was_serial(t_serial) {
    t_serial = true;
}

SerialScope::~SerialScope() {
    t_serial = m_was_serial;
}

void parallel_for(std::size_t chunks, const std::function<void(std::size_t)>& body) {
    if (chunks <= 1 || parallel_chunks() == 1 || t_serial) {
        for (std::size_t c = 0; c < chunks; ++c) body(c);
        return;
    }
    pool().run(chunks, body);
}

}  // namespace huescope
