#include "driver/concern/extensions.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "driver/concern/builtin_concerns.hpp"
#include "driver/model/errors.hpp"

namespace bx {
namespace {

/// What every instance of Probe saw when it was built.
struct Creation {
  std::optional<int> job;
  bool had_sharer = false;
  bool namespace_read_only = false;
  std::shared_ptr<Counter> counter;
  std::string write_error;  ///< what storing into the namespace threw, if it did
};

/// A concern that records its creations and shares a counter (the N+1 rule, §8.2).
class Probe : public Concern {
 public:
  static inline std::mutex s_mutex;
  static inline std::vector<Creation> s_created;

  explicit Probe(const CreationContext& ctx) {
    Creation creation{ctx.job_number(), ctx.sharer() != nullptr, ctx.ns().read_only(), {}, {}};
    creation.counter = ctx.share<Counter>("instances");
    creation.counter->add();
    try {
      ctx.ns().set("late", true);
    } catch (const NamespaceError& error) {
      creation.write_error = error.what();
    }
    std::lock_guard<std::mutex> guard(s_mutex);
    s_created.push_back(creation);
  }
  std::string target() const override { return "probe"; }
  void finish_run(const RunOutcome& outcome) override { s_finished_with = outcome.exit_status; }
  static inline int s_finished_with = -1;
};

class Named : public Concern {
 public:
  explicit Named(std::string target) : m_target(std::move(target)) {}
  std::string target() const override { return m_target; }

 private:
  std::string m_target;
};

ExtensionFactory<Concern> named(std::string target) {
  return [target](const CreationContext&) { return std::make_unique<Named>(target); };
}

std::vector<std::string> targets(const std::vector<std::unique_ptr<Concern>>& concerns) {
  std::vector<std::string> out;
  for (const auto& concern : concerns) out.push_back(concern->target());
  return out;
}

class ExtensionsTest : public ::testing::Test {
 protected:
  void SetUp() override { Probe::s_created.clear(); }
  /// The registry's next classes come from a module.
  void from_module(const std::string& name) {
    extensions.registry().set_origin({"/abs/modules", name});
  }
  Extensions extensions;
  Config cfg;
};

TEST_F(ExtensionsTest, EveryClassIsBuiltOnceInMainThenOncePerWorker) {
  extensions.registry().add<Probe>("Probe");
  cfg.jobs = 3;
  extensions.instantiate_main(cfg);
  ASSERT_EQ(Probe::s_created.size(), 1u);  // main complete before any worker
  std::vector<std::thread> workers;
  std::vector<ExtensionInstances> built(3);
  for (int job = 0; job < 3; ++job) {
    workers.emplace_back([&, job] { built[job] = extensions.instantiate_worker(cfg, job); });
  }
  for (auto& worker : workers) worker.join();

  ASSERT_EQ(Probe::s_created.size(), 4u);  // N + 1
  const Creation& main = Probe::s_created.front();
  EXPECT_EQ(main.job, std::nullopt);
  EXPECT_TRUE(main.had_sharer);
  EXPECT_FALSE(main.namespace_read_only);
  EXPECT_EQ(main.write_error, "");
  std::set<int> jobs;
  for (std::size_t i = 1; i < 4; ++i) {
    const Creation& worker = Probe::s_created[i];
    jobs.insert(worker.job.value());
    EXPECT_FALSE(worker.had_sharer);
    EXPECT_TRUE(worker.namespace_read_only);
    EXPECT_EQ(worker.counter, main.counter);  // the very object made in the main thread
    EXPECT_NE(worker.write_error.find("The namespace of Probe is read-only"), std::string::npos);
  }
  EXPECT_EQ(jobs, (std::set<int>{0, 1, 2}));
  EXPECT_EQ(main.counter->value(), 4);
  EXPECT_EQ(targets(built[1].concerns), (std::vector<std::string>{"probe"}));
}

TEST_F(ExtensionsTest, FinishRunReachesTheMainThreadInstances) {
  extensions.registry().add<Probe>("Probe");
  extensions.instantiate_main(cfg);
  extensions.finish_run({2, false});
  EXPECT_EQ(Probe::s_finished_with, 2);
}

TEST_F(ExtensionsTest, AnEmptyTargetDisablesAndQuietRemovesProgress) {
  extensions.registry().add_concern("Off", named(""));
  extensions.registry().add_concern("Progress", named("progress"));
  extensions.registry().add_concern("Clipboard", named("clipboard"));
  cfg.quiet = true;
  extensions.instantiate_main(cfg);
  EXPECT_EQ(targets(extensions.main().concerns), (std::vector<std::string>{"clipboard"}));
  EXPECT_EQ(targets(extensions.instantiate_worker(cfg, 0).concerns),
            (std::vector<std::string>{"clipboard"}));
}

TEST_F(ExtensionsTest, AModuleConcernReplacesABuiltInOneInItsPlace) {
  extensions.registry().add_concern("Clipboard", named("clipboard"));
  extensions.registry().add_concern("Progress", named("progress"));
  from_module("mine");
  extensions.registry().add_concern("MyClipboard", named("clipboard"));
  extensions.registry().add_concern("Extra", named("extra"));
  extensions.instantiate_main(cfg);
  EXPECT_EQ(targets(extensions.main().concerns),
            (std::vector<std::string>{"clipboard", "progress", "extra"}));
}

TEST_F(ExtensionsTest, TwoModuleClassesWithOneTargetAreAnError) {
  from_module("first");
  extensions.registry().add_concern("A", named("timer"));
  from_module("second");
  extensions.registry().add_concern("B", named("timer"));
  try {
    extensions.instantiate_main(cfg);
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "From '/abs/modules' module 'second'\nThe classes A (from '/abs/modules' module "
                 "'first') and B have the same target 'timer': two extensions cannot have one "
                 "target.");
  }
}

TEST_F(ExtensionsTest, AThrowingConstructorIsAnInitialisationError) {
  from_module("broken");
  extensions.registry().add_concern("Boom", [](const CreationContext&) -> std::unique_ptr<Concern> {
    throw std::runtime_error("no luck");
  });
  try {
    extensions.instantiate_main(cfg);
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "From '/abs/modules' module 'broken'\nInstantiation of Boom failed: no luck");
  }
}

TEST_F(ExtensionsTest, TheSharerIsClosedAfterTheMainThreadSetUp) {
  Sharer* kept = nullptr;
  extensions.registry().add_concern("Keeper", [&kept](const CreationContext& ctx) {
    kept = ctx.sharer();
    return std::make_unique<Named>("keeper");
  });
  extensions.instantiate_main(cfg);
  ASSERT_NE(kept, nullptr);
  EXPECT_THROW(kept->make<RLock>(), std::logic_error);
}

TEST_F(ExtensionsTest, ConditionalReadsTheClipboardOfItsOwnWorker) {
  ::setenv("BX_EXTENSIONS_TEST", "", 1);
  BuiltinConcernSettings settings;
  settings.clipboard.capture_env_vars = {"BX_EXTENSIONS_TEST"};
  register_builtin_concerns(extensions.registry(), settings);
  extensions.instantiate_main(cfg);
  ExtensionInstances worker = extensions.instantiate_worker(cfg, 0);
  ASSERT_EQ(targets(worker.concerns),
            (std::vector<std::string>{"clipboard", "conditional", "progress"}));

  std::vector<Example> none;
  OptionStack options{{{"paste", false}, {"if", std::monostate{}}, {"unless", std::monostate{}}}};
  worker.concerns[0]->start(none, {}, "f.md", options);  // fills this worker's clipboard
  Example example;
  example.options = {{"if", std::string("BX_EXTENSIONS_TEST")}};
  worker.concerns[1]->finish_parse(example, options, nullptr);
  EXPECT_TRUE(std::get<bool>(example.options.at("skip")));  // empty value: skipped

  Example elsewhere;  // the main-thread conditional has a clipboard of its own, empty
  elsewhere.options = {{"if", std::string("BX_EXTENSIONS_TEST")}};
  EXPECT_THROW(extensions.main().concerns[1]->finish_parse(elsewhere, options, nullptr),
               ParseError);
}

}  // namespace
}  // namespace bx
