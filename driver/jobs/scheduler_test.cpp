#include "driver/jobs/scheduler.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <mutex>
#include <thread>

#include "driver/run/user_abort.hpp"

namespace bx {
namespace {

using namespace std::chrono_literals;

/// What the fake workers did, in the order they did it.
struct Journal {
  std::mutex mutex;
  std::vector<std::string> started;
  std::vector<int> jobs;
  void record(int job, const std::string& file) {
    std::lock_guard<std::mutex> guard(mutex);
    started.push_back(file);
    jobs.push_back(job);
  }
};

/// A worker that runs a file by calling `behaviour(file, user_aborted)`.
class FakeRunner : public FileRunner {
 public:
  using Behaviour = std::function<FileResult(const std::string&, const std::atomic<bool>&)>;
  FakeRunner(int job, Journal& journal, Behaviour behaviour, const std::atomic<bool>& aborted)
      : m_job(job), m_journal(journal), m_behaviour(std::move(behaviour)), m_aborted(aborted) {}
  FileResult run_file(const std::string& file) override {
    m_journal.record(m_job, file);
    return m_behaviour(file, m_aborted);
  }

 private:
  int m_job;
  Journal& m_journal;
  Behaviour m_behaviour;
  const std::atomic<bool>& m_aborted;
};

FileResult passed() {
  FileResult result;
  result.ran = true;
  return result;
}

class SchedulerTest : public ::testing::Test {
 protected:
  ScheduleResult run(const std::vector<std::string>& files, ScheduleSettings settings,
                     FakeRunner::Behaviour behaviour) {
    return schedule_files(files, settings, [&](int job, const std::atomic<bool>& aborted) {
      return std::make_unique<FakeRunner>(job, journal, behaviour, aborted);
    });
  }
  Journal journal;
};

TEST(WorkerCount, IsTheJobsButNeverMoreThanTheFiles) {
  EXPECT_EQ(worker_count(4, 2), 2);
  EXPECT_EQ(worker_count(2, 20), 2);
  EXPECT_EQ(worker_count(1, 0), 1);
  EXPECT_EQ(worker_count(0, 5), 1);
}

TEST_F(SchedulerTest, OneJobRunsTheFilesInOrderOnOneWorker) {
  auto result = run({"a.md", "b.md", "c.md"}, {1, false, false},
                    [](const std::string&, const std::atomic<bool>&) { return passed(); });
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(journal.started, (std::vector<std::string>{"a.md", "b.md", "c.md"}));
  EXPECT_EQ(journal.jobs, (std::vector<int>{0, 0, 0}));
}

TEST_F(SchedulerTest, TwoJobsRunTwoFilesAtTheSameTime) {
  // Each file waits for the other to have started: only concurrent workers finish.
  std::atomic<int> started{0};
  auto result =
      run({"a.md", "b.md"}, {2, false, false}, [&](const std::string&, const std::atomic<bool>&) {
        ++started;
        auto deadline = std::chrono::steady_clock::now() + 5s;
        while (started < 2 && std::chrono::steady_clock::now() < deadline) {
          std::this_thread::sleep_for(1ms);
        }
        FileResult file = passed();
        file.failed = started < 2;
        return file;
      });
  EXPECT_EQ(result.status, 0);
  std::sort(journal.jobs.begin(), journal.jobs.end());
  EXPECT_EQ(journal.jobs, (std::vector<int>{0, 1}));
}

TEST_F(SchedulerTest, StatusIsTheWorstOverFiles) {
  auto result = run({"ok.md", "fail.md", "abort.md"}, {2, false, false},
                    [](const std::string& file, const std::atomic<bool>&) {
                      FileResult outcome = passed();
                      outcome.failed = file != "ok.md";
                      outcome.aborted = file == "abort.md";
                      return outcome;
                    });
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(journal.started.size(), 3u);
}

TEST_F(SchedulerTest, FailFastStopsSchedulingAfterAFailure) {
  auto fail_first = [](const std::string& file, const std::atomic<bool>&) {
    FileResult result = passed();
    result.failed = file == "a.md";
    return result;
  };
  auto result = run({"a.md", "b.md", "c.md"}, {1, true, false}, fail_first);
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(journal.started, (std::vector<std::string>{"a.md"}));

  journal.started.clear();
  result = run({"a.md", "b.md", "c.md"}, {1, false, false}, fail_first);
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(journal.started.size(), 3u);
}

TEST_F(SchedulerTest, AnErrorStopsSchedulingWithoutFailFast) {
  auto result =
      run({"a.md", "b.md"}, {1, false, false}, [](const std::string&, const std::atomic<bool>&) {
        return FileResult{true, true, false, true};
      });
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(journal.started, (std::vector<std::string>{"a.md"}));
}

TEST_F(SchedulerTest, FirstCtrlCAbortsTheRunningFileAndSchedulesNoMore) {
  std::atomic<bool> waits_ended{false};
  auto result = run(
      {"a.md", "b.md", "c.md"}, {1, false, false},
      [&](const std::string&, const std::atomic<bool>& aborted) {
        kill(getpid(), SIGINT);  // taken by the watcher thread, not fatal
        auto deadline = std::chrono::steady_clock::now() + 5s;
        while (!(aborted && user_abort::raised()) && std::chrono::steady_clock::now() < deadline) {
          std::this_thread::sleep_for(1ms);
        }
        waits_ended = user_abort::raised();
        FileResult file = passed();
        file.user_aborted = aborted;
        return file;
      });
  EXPECT_TRUE(result.user_aborted);
  EXPECT_TRUE(waits_ended);  // the interpreters' waits of the running file end at once
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(journal.started, (std::vector<std::string>{"a.md"}));

  auto next = run({"d.md"}, {1, false, false}, [](const std::string&, const std::atomic<bool>&) {
    EXPECT_FALSE(user_abort::raised());  // a new schedule starts without it
    return passed();
  });
  EXPECT_EQ(next.status, 0);
}

TEST_F(SchedulerTest, OnlySkippedFilesExitWith77) {
  auto result = run({"a.md"}, {1, false, false}, [](const std::string&, const std::atomic<bool>&) {
    FileResult skipped;
    skipped.skipped = true;
    return skipped;
  });
  EXPECT_EQ(result.status, 77);
}

TEST_F(SchedulerTest, WorkersThatCannotStartAreAnError) {
  std::atomic<int> attempts{0};
  auto result = schedule_files({"a.md", "b.md"}, {2, false, false},
                               [&](int, const std::atomic<bool>&) -> std::unique_ptr<FileRunner> {
                                 ++attempts;
                                 throw std::runtime_error("no worker");
                               });
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(attempts, 2);
}

}  // namespace
}  // namespace bx
