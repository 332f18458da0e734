#include "include/byexample/sharer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <type_traits>

#include "include/byexample/namespace.hpp"

namespace bx {
namespace {

// Only a Sharer makes shared objects: a worker, which has none, cannot.
static_assert(!std::is_default_constructible_v<Sharer::Key>);
static_assert(!std::is_default_constructible_v<RLock>);
static_assert(!std::is_constructible_v<SharedDict<int, int>>);

/// Runs `fn(thread_index)` on `count` threads at once.
template <typename Fn>
void on_threads(int count, Fn fn) {
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) threads.emplace_back(fn, i);
  for (auto& thread : threads) thread.join();
}

TEST(Sharer, DictUpdatesFromManyThreadsUnderAnRLockAreNotLost) {
  Sharer sharer;
  auto dict = sharer.make<SharedDict<std::string, long>>();
  auto lock = sharer.make<RLock>();
  on_threads(8, [&](int) {
    for (int i = 0; i < 1000; ++i) {
      std::lock_guard<RLock> guard(*lock);
      dict->set("total", dict->get("total").value_or(0) + 1);
    }
  });
  EXPECT_EQ(dict->get("total"), 8000);
  EXPECT_EQ(dict->get("missing"), std::nullopt);
  EXPECT_TRUE(dict->contains("total"));
  EXPECT_TRUE(dict->erase("total"));
  EXPECT_EQ(dict->size(), 0u);
}

TEST(Sharer, DictWithRunsACompoundOperationAtomically) {
  Sharer sharer;
  auto dict = sharer.make<SharedDict<int, int>>();
  on_threads(4, [&](int job) {
    for (int i = 0; i < 500; ++i) dict->with([&](std::map<int, int>& items) { ++items[job % 2]; });
  });
  EXPECT_EQ(dict->snapshot(), (std::map<int, int>{{0, 1000}, {1, 1000}}));
}

TEST(Sharer, ListAppendsFromManyThreadsAreAllKept) {
  Sharer sharer;
  auto list = sharer.make<SharedList<int>>();
  on_threads(4, [&](int job) {
    for (int i = 0; i < 250; ++i) list->append(job * 1000 + i);
  });
  std::vector<int> items = list->snapshot();
  ASSERT_EQ(items.size(), 1000u);
  std::sort(items.begin(), items.end());
  EXPECT_EQ(items.front(), 0);
  EXPECT_EQ(items.back(), 3249);
  list->set(0, 7);
  EXPECT_EQ(list->at(0), 7);
  EXPECT_THROW(list->at(1000), std::out_of_range);
}

TEST(Sharer, CounterAddsAtomicallyAndReturnsTheNewValue) {
  Sharer sharer;
  auto counter = sharer.make<Counter>(10);
  EXPECT_EQ(counter->add(5), 15);
  on_threads(4, [&](int) {
    for (int i = 0; i < 1000; ++i) counter->add();
  });
  EXPECT_EQ(counter->value(), 4015);
}

TEST(Sharer, RLockIsReentrantAndExcludesOtherThreads) {
  Sharer sharer;
  auto lock = sharer.make<RLock>();
  std::lock_guard<RLock> outer(*lock);
  std::lock_guard<RLock> inner(*lock);  // the same thread again: no deadlock
  bool other_got_it = true;
  std::thread other([&] {
    other_got_it = lock->try_lock();
    if (other_got_it) lock->unlock();
  });
  other.join();
  EXPECT_FALSE(other_got_it);
}

TEST(Sharer, BarrierReleasesAllPartiesWithDistinctIndexesAndIsReusable) {
  Sharer sharer;
  auto barrier = sharer.make<Barrier>(4);
  auto indexes = sharer.make<SharedList<int>>();
  on_threads(4, [&](int) {
    indexes->append(barrier->wait());
    indexes->append(barrier->wait());  // a second generation
  });
  std::vector<int> got = indexes->snapshot();
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<int>{0, 0, 1, 1, 2, 2, 3, 3}));
  EXPECT_EQ(barrier->n_waiting(), 0);
  EXPECT_THROW(sharer.make<Barrier>(0), std::invalid_argument);
}

TEST(Sharer, BarrierTimeoutBreaksItForEveryoneUntilReset) {
  Sharer sharer;
  auto barrier = sharer.make<Barrier>(3);
  auto broken = sharer.make<Counter>();
  on_threads(2, [&](int job) {
    try {
      barrier->wait(job == 0 ? std::optional(std::chrono::milliseconds(50)) : std::nullopt);
    } catch (const BrokenBarrierError&) {
      broken->add();
    }
  });
  EXPECT_EQ(broken->value(), 2);
  EXPECT_TRUE(barrier->broken());
  EXPECT_THROW(barrier->wait(), BrokenBarrierError);
  barrier->reset();
  EXPECT_FALSE(barrier->broken());
  auto single = sharer.make<Barrier>(1);
  EXPECT_EQ(single->wait(), 0);
}

TEST(Sharer, BarrierAbortWakesTheWaiters) {
  Sharer sharer;
  auto barrier = sharer.make<Barrier>(2);
  std::thread waiter([&] { EXPECT_THROW(barrier->wait(), BrokenBarrierError); });
  while (barrier->n_waiting() == 0) std::this_thread::yield();
  barrier->abort();
  waiter.join();
}

TEST(Sharer, QueueHandsElementsOverInOrder) {
  Sharer sharer;
  auto queue = sharer.make<SharedQueue<int>>();
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) queue->put(i);
  });
  for (int i = 0; i < 100; ++i) EXPECT_EQ(queue->get(), i);
  producer.join();
  EXPECT_EQ(queue->get_for(std::chrono::milliseconds(10)), std::nullopt);
  queue->put(5);
  EXPECT_EQ(queue->get_for(std::chrono::milliseconds(10)), 5);
}

TEST(Sharer, MakesNothingOnceClosed) {
  Sharer sharer;
  sharer.close();
  EXPECT_THROW(sharer.make<RLock>(), std::logic_error);
}

TEST(Namespace, StoresValuesAndSharedObjects) {
  Sharer sharer;
  Namespace ns("MeasureTime");
  auto dict = sharer.make<SharedDict<int, double>>();
  ns.set("times", dict);
  ns.set("limit", 3L);
  ns.set("unit", std::string("s"));
  EXPECT_EQ((ns.shared<SharedDict<int, double>>("times")), dict);
  EXPECT_EQ(ns.get<long>("limit"), 3);
  EXPECT_EQ(ns.get<std::string>("unit"), "s");
  EXPECT_EQ(ns.names(), (std::vector<std::string>{"limit", "times", "unit"}));
}

TEST(Namespace, RejectsPrivateNamesWithTheSpecMessage) {
  Namespace ns("C");
  try {
    ns.set("_lock", true);
    FAIL() << "expected a NamespaceError";
  } catch (const NamespaceError& error) {
    EXPECT_STREQ(error.what(),
                 "You cannot store 'private' attributes (the ones that starts with underscore).");
  }
  EXPECT_TRUE(ns.empty());
}

TEST(Namespace, IsReadOnlyOnceFrozen) {
  Namespace ns("MeasureTime");
  ns.set("count", 1L);
  ns.freeze();
  EXPECT_TRUE(ns.read_only());
  try {
    ns.set("count", 2L);
    FAIL() << "expected a NamespaceError";
  } catch (const NamespaceError& error) {
    EXPECT_STREQ(error.what(),
                 "The namespace of MeasureTime is read-only: only the instance in the main "
                 "thread (the one that receives a sharer) can store 'count', in its "
                 "constructor; worker instances only read it.");
  }
  EXPECT_EQ(ns.get<long>("count"), 1);
}

TEST(Namespace, MissingNamesAndWrongTypesAreErrors) {
  Sharer sharer;
  Namespace ns("C");
  ns.set("lock", sharer.make<RLock>());
  EXPECT_THROW(ns.at("nope"), NamespaceError);
  EXPECT_THROW(ns.shared<Counter>("lock"), NamespaceError);
  EXPECT_THROW(ns.get<long>("lock"), NamespaceError);
  EXPECT_NE(ns.shared<RLock>("lock"), nullptr);
}

}  // namespace
}  // namespace bx
