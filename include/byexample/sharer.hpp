// Shared state between the main thread and the workers (spec §8.3).
//
// Only the main-thread instance of an extension receives a Sharer. It makes thread-safe
// objects (lists, dicts, reentrant locks, barriers, counters, queues) and stores handles to
// them in the extension's Namespace; every worker instance then finds the same objects, by
// reference, in the same (now read-only) namespace. The constructors take a Sharer::Key
// that only a Sharer can make, so a worker cannot mint shared objects of its own.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bx {

/// Base of every object made by a Sharer. Handles (std::shared_ptr) to these are what a
/// Namespace stores; the objects live as long as any handle.
class SharedObject {
 public:
  virtual ~SharedObject() = default;
  SharedObject(const SharedObject&) = delete;
  SharedObject& operator=(const SharedObject&) = delete;

 protected:
  SharedObject() = default;
};

/// The factory of shared objects, given to the main-thread instances only.
class Sharer {
 public:
  /// Passkey: the first constructor argument of every shared object.
  class Key {
    friend class Sharer;
    Key() = default;
  };

  /// Makes a `T` (a SharedObject whose constructor is `T(Sharer::Key, args...)`), so that
  /// extensions can share objects of their own classes under the same rule.
  /// Throws std::logic_error once the sharer is closed.
  template <typename T, typename... Args>
  std::shared_ptr<T> make(Args&&... args) {
    if (m_closed) {
      throw std::logic_error(
          "The sharer is closed: shared objects can be made only while the main-thread "
          "instances of the extensions are being built (in their constructors).");
    }
    return std::make_shared<T>(Key{}, std::forward<Args>(args)...);
  }

  /// Called by the driver once every main-thread instance is built.
  void close() { m_closed = true; }

 private:
  bool m_closed = false;
};

/// A reentrant lock (Python's RLock). BasicLockable: use it with std::lock_guard,
/// std::unique_lock or std::scoped_lock.
class RLock : public SharedObject {
 public:
  explicit RLock(Sharer::Key) {}
  void lock() { m_mutex.lock(); }
  bool try_lock() { return m_mutex.try_lock(); }
  void unlock() { m_mutex.unlock(); }

 private:
  std::recursive_mutex m_mutex;
};

/// A list whose every operation is atomic. `with` runs a compound operation atomically.
template <typename T>
class SharedList : public SharedObject {
 public:
  explicit SharedList(Sharer::Key) {}

  void append(T value) {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_items.push_back(std::move(value));
  }
  /// A copy of the element at `index`; throws std::out_of_range.
  T at(std::size_t index) const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items.at(index);
  }
  void set(std::size_t index, T value) {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_items.at(index) = std::move(value);
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items.size();
  }
  void clear() {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_items.clear();
  }
  /// A copy of every element, in order.
  std::vector<T> snapshot() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items;
  }
  /// Calls `fn(std::vector<T>&)` with the list locked and returns what it returns.
  template <typename Fn>
  decltype(auto) with(Fn&& fn) {
    std::lock_guard<std::mutex> guard(m_mutex);
    return std::forward<Fn>(fn)(m_items);
  }

 private:
  mutable std::mutex m_mutex;
  std::vector<T> m_items;
};

/// A dict (ordered by key) whose every operation is atomic.
template <typename K, typename V>
class SharedDict : public SharedObject {
 public:
  explicit SharedDict(Sharer::Key) {}

  void set(const K& key, V value) {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_items.insert_or_assign(key, std::move(value));
  }
  /// A copy of the value of `key`, or nullopt.
  std::optional<V> get(const K& key) const {
    std::lock_guard<std::mutex> guard(m_mutex);
    auto it = m_items.find(key);
    if (it == m_items.end()) return std::nullopt;
    return it->second;
  }
  bool contains(const K& key) const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items.count(key) > 0;
  }
  /// Whether `key` was there.
  bool erase(const K& key) {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items.erase(key) > 0;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items.size();
  }
  std::map<K, V> snapshot() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items;
  }
  /// Calls `fn(std::map<K, V>&)` with the dict locked and returns what it returns.
  template <typename Fn>
  decltype(auto) with(Fn&& fn) {
    std::lock_guard<std::mutex> guard(m_mutex);
    return std::forward<Fn>(fn)(m_items);
  }

 private:
  mutable std::mutex m_mutex;
  std::map<K, V> m_items;
};

/// An integer that workers add to atomically (Python's Value('i') with its lock).
class Counter : public SharedObject {
 public:
  explicit Counter(Sharer::Key, long initial = 0) : m_value(initial) {}
  /// Adds `delta` and returns the new value.
  long add(long delta = 1) {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_value += delta;
  }
  long value() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_value;
  }

 private:
  mutable std::mutex m_mutex;
  long m_value;
};

/// Thrown by Barrier::wait when the barrier is aborted or a wait timed out (Python's
/// threading.BrokenBarrierError).
class BrokenBarrierError : public std::runtime_error {
 public:
  BrokenBarrierError() : std::runtime_error("The barrier is broken.") {}
};

/// A reusable barrier for a fixed number of parties (Python's threading.Barrier).
class Barrier : public SharedObject {
 public:
  /// Throws std::invalid_argument when `parties` < 1.
  Barrier(Sharer::Key, int parties) : m_parties(parties) {
    if (parties < 1) throw std::invalid_argument("A barrier needs at least one party.");
  }

  /// Blocks until `parties` threads called wait; returns this thread's arrival index,
  /// 0 .. parties-1 (the last to arrive gets parties-1 and releases the others).
  /// A timeout breaks the barrier for everyone: throws BrokenBarrierError.
  int wait(std::optional<std::chrono::milliseconds> timeout = std::nullopt) {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_broken) throw BrokenBarrierError();
    const long generation = m_generation;
    const int index = m_waiting++;
    if (m_waiting == m_parties) {
      m_waiting = 0;
      ++m_generation;
      m_changed.notify_all();
      return index;
    }
    auto released = [&] { return m_generation != generation || m_broken; };
    if (!timeout) {
      m_changed.wait(lock, released);
    } else if (!m_changed.wait_for(lock, *timeout, released)) {
      m_broken = true;
      m_changed.notify_all();
    }
    if (m_generation == generation || generation <= m_last_broken_generation) {
      throw BrokenBarrierError();
    }
    return index;
  }
  /// Breaks the barrier: current and future waiters get BrokenBarrierError until reset().
  void abort() {
    std::lock_guard<std::mutex> guard(m_mutex);
    m_broken = true;
    m_changed.notify_all();
  }
  /// Makes the barrier usable again; threads waiting now get BrokenBarrierError.
  void reset() {
    std::lock_guard<std::mutex> guard(m_mutex);
    if (m_waiting > 0) {
      m_last_broken_generation = m_generation++;
      m_changed.notify_all();
    }
    m_waiting = 0;
    m_broken = false;
  }
  int parties() const { return m_parties; }
  int n_waiting() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_waiting;
  }
  bool broken() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_broken;
  }

 private:
  const int m_parties;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  int m_waiting = 0;
  long m_generation = 0;
  long m_last_broken_generation = -1;  ///< generations up to this one ended broken
  bool m_broken = false;
};

/// A FIFO queue between threads (Python's queue.Queue, unbounded).
template <typename T>
class SharedQueue : public SharedObject {
 public:
  explicit SharedQueue(Sharer::Key) {}

  void put(T value) {
    {
      std::lock_guard<std::mutex> guard(m_mutex);
      m_items.push_back(std::move(value));
    }
    m_changed.notify_one();
  }
  /// Blocks until an element is there and takes it.
  T get() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_items.empty(); });
    return take_locked();
  }
  /// Takes the first element if one comes within `timeout`, else nullopt.
  std::optional<T> get_for(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (!m_changed.wait_for(lock, timeout, [&] { return !m_items.empty(); })) return std::nullopt;
    return take_locked();
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_items.size();
  }

 private:
  T take_locked() {
    T value = std::move(m_items.front());
    m_items.pop_front();
    return value;
  }

  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<T> m_items;
};

}  // namespace bx
