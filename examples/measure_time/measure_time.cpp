// MeasureTime: a concern module that reports the longest example of the whole run.
//
// It shows the N+1 creation rule and the sharer contract (spec §8.2, §8.3): the instance
// built in the main thread makes a dict and a reentrant lock with the sharer and stores them
// in the namespace of the class; every worker instance finds them there and keeps, under the
// lock, the longest example time of its worker; when every worker has ended, the main-thread
// instance prints the maximum over all of them.
//
//     byexample -m <directory of measure_time.so> -l shell --jobs 2 docs/*.md
//     ...
//     longest example: 1.523 s
//
// With -v every instance says where it was built ("MeasureTime instance: main" first, then
// "MeasureTime instance: worker <n>" once per worker).
#include <algorithm>
#include <byexample/extension.hpp>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace {

class MeasureTime : public bx::Concern {
 public:
  explicit MeasureTime(const bx::CreationContext& ctx)
      : m_job(ctx.job_number().value_or(-1)),
        m_output(ctx.cfg().output),
        m_lock(ctx.share<bx::RLock>("lock")),
        m_longest(ctx.share<bx::SharedDict<int, double>>("longest")) {
    if (ctx.cfg().verbosity > 0) {
      m_output(ctx.in_main_thread()
                   ? std::string("[i] MeasureTime instance: main\n")
                   : "[i] MeasureTime instance: worker " + std::to_string(m_job) + "\n");
    }
  }

  std::string target() const override { return "measure-time"; }

  void start_example(bx::Example&, bx::OptionStack&) override { m_begin = Clock::now(); }

  void finally_example(bx::Example&, bx::OptionStack&, bool) override {
    const double seconds = std::chrono::duration<double>(Clock::now() - m_begin).count();
    std::lock_guard<bx::RLock> guard(*m_lock);  // read, compare and write as one step
    if (seconds > m_longest->get(m_job).value_or(0.0)) m_longest->set(m_job, seconds);
  }

  void finish_run(const bx::RunOutcome&) override {
    double longest = 0.0;
    {
      std::lock_guard<bx::RLock> guard(*m_lock);
      for (const auto& [job, seconds] : m_longest->snapshot()) longest = std::max(longest, seconds);
    }
    char line[64];
    std::snprintf(line, sizeof line, "longest example: %.3f s\n", longest);
    m_output(line);
  }

 private:
  using Clock = std::chrono::steady_clock;

  int m_job;  ///< -1 in the main thread
  std::function<void(std::string_view)> m_output;
  std::shared_ptr<bx::RLock> m_lock;
  std::shared_ptr<bx::SharedDict<int, double>> m_longest;  ///< job -> longest example (s)
  Clock::time_point m_begin;
};

}  // namespace

BYEXAMPLE_MODULE(registry) {
  registry.add<MeasureTime>("MeasureTime");
}
