// A module with a zone delimiter, a finder and a runner (extension test): in ".toy" files
// the whole text is one zone, "> <command>" lines are shell examples followed by their
// expected output, and the runner, which replaces the built-in shell one, only knows echo.
// A concern option, +shout, makes the runner print in upper case; another concern traces the
// hooks it gets.
#include <algorithm>
#include <byexample/extension.hpp>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <thread>

namespace {

class ToyDelimiter : public bx::ZoneDelimiter {
 public:
  explicit ToyDelimiter(const bx::CreationContext&) {}
  std::vector<std::string> targets() const override { return {".toy"}; }
  std::string name() const override { return "the whole file"; }
  std::vector<bx::Zone> zones(std::string_view text, const std::string&) const override {
    return {bx::Zone{std::string(text), 1}};
  }
};

class ToyFinder : public bx::ExampleFinder {
 public:
  explicit ToyFinder(const bx::CreationContext&) {}
  std::string target() const override { return "toy-prompt"; }
  std::string display_name() const override { return "Toy Prompt Finder"; }
  std::string language() const override { return "shell"; }

  std::vector<bx::Example> find(const bx::Zone& zone, const std::string& filepath) const override {
    std::vector<std::string> lines;
    std::istringstream in(zone.text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::vector<bx::Example> found;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].rfind("> ", 0) != 0) continue;
      bx::Example example;
      example.filepath = filepath;
      example.language = "shell";
      example.finder = display_name();
      example.snippet = lines[i].substr(2) + "\n";
      example.start_lineno = zone.start_lineno + static_cast<int>(i);
      std::size_t end = i + 1;
      for (; end < lines.size() && !lines[end].empty() && lines[end].rfind("> ", 0) != 0; ++end) {
        example.expected_str += lines[end] + "\n";
      }
      example.end_lineno = zone.start_lineno + static_cast<int>(end) - 1;
      found.push_back(std::move(example));
    }
    return found;
  }
};

class ToyRunner : public bx::ExampleRunner {
 public:
  explicit ToyRunner(const bx::CreationContext&) {}
  std::string language() const override { return "shell"; }
  std::string display_name() const override { return "Toy Runner"; }
  void initialize(const bx::OptionStack&) override { m_initialized = true; }
  std::string run(bx::Example& example, const bx::OptionStack& options) override {
    if (!m_initialized) throw std::logic_error("run before initialize");
    std::string source = example.source;
    if (source.rfind("wait ", 0) == 0) {  // time for a Ctrl-C to come
      auto end = std::chrono::steady_clock::now() +
                 std::chrono::duration<double>(std::stod(source.substr(5)));
      while (std::chrono::steady_clock::now() < end) {
        if (bx::user_abort_requested()) throw std::runtime_error("stopped by the user");
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      return "";
    }
    if (source.rfind("echo ", 0) != 0) throw std::runtime_error("the toy runner only knows echo");
    std::string got = source.substr(5);
    if (options.flag("shout")) {
      std::transform(got.begin(), got.end(), got.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    }
    return got;
  }
  bool cancel(bx::Example&, const bx::OptionStack&) override { return false; }
  void shutdown() override { m_initialized = false; }

 private:
  bool m_initialized = false;
};

class Shout : public bx::Concern {
 public:
  explicit Shout(const bx::CreationContext&) {}
  std::string target() const override { return "shout"; }
  void extend_option_parser(bx::OptionParser& parser) override {
    bx::OptionSpec spec;
    spec.name = "shout";
    spec.default_value = false;
    spec.help = "the toy runner prints in upper case";
    parser.add(spec);
  }
  // The log records of the file reach the concerns as events; echo the runner's ones.
  void event(const std::string& what, const std::map<std::string, std::string>& data) override {
    auto msg = data.find("msg");
    if (what == "log" && msg != data.end() && msg->second.find("Toy Runner") != std::string::npos) {
      std::fprintf(stderr, "shout heard: %s", msg->second.c_str());
    }
  }
};

/// With TOY_TRACE_HOOKS in the environment, writes every per-file hook it gets to stderr,
/// with the example's line: the sequence of spec §7.8.
class HookTrace : public bx::Concern {
 public:
  explicit HookTrace(const bx::CreationContext&) : m_on(std::getenv("TOY_TRACE_HOOKS")) {}
  std::string target() const override { return "hook-trace"; }
  void start(std::vector<bx::Example>& examples, const bx::RunnerMap&, const std::string&,
             bx::OptionStack&) override {
    trace("start " + std::to_string(examples.size()));
  }
  void start_parse(bx::Example& e, bx::OptionStack&) override { trace("start_parse", e); }
  void before_build_regex(bx::Example& e, bx::OptionStack&) override {
    trace("before_build_regex", e);
  }
  void after_build_regex(bx::Example& e, bx::OptionStack&) override {
    trace("after_build_regex", e, e.expected.regexs.empty() ? " (no regex)" : "");
  }
  void finish_parse(bx::Example& e, bx::OptionStack&, const std::exception*) override {
    trace("finish_parse", e);
  }
  void start_example(bx::Example& e, bx::OptionStack&) override { trace("start_example", e); }
  void finish_example(bx::Example& e, bx::OptionStack&) override { trace("finish_example", e); }
  void finally_example(bx::Example& e, bx::OptionStack&, bool) override {
    trace("finally_example", e);
  }
  void user_aborted(bx::Example& e, bx::OptionStack&) override { trace("user_aborted", e); }
  void aborted(bx::Example& e, bool by_the_user, bx::OptionStack&) override {
    trace("aborted", e, by_the_user ? " by the user" : "");
  }
  void success(bx::Example& e, const std::string&, const bx::Differ&, bx::OptionStack&) override {
    trace("success", e);
  }
  void finish(const bx::FileOutcome& outcome) override {
    trace(outcome.user_aborted ? "finish user_aborted" : "finish");
  }

 private:
  void trace(const std::string& hook, const bx::Example& e, const std::string& more = "") {
    trace(hook + " " + std::to_string(e.start_lineno) + more);
  }
  void trace(const std::string& line) {
    if (m_on) std::fprintf(stderr, "hook: %s\n", line.c_str());
  }
  bool m_on;
};

}  // namespace

BYEXAMPLE_MODULE(registry) {
  registry.add<ToyDelimiter>("ToyDelimiter");
  registry.add<ToyFinder>("ToyFinder");
  registry.add<ToyRunner>("ToyRunner");
  registry.add<Shout>("Shout");
  registry.add<HookTrace>("HookTrace");
}
