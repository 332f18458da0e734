// A module with a zone delimiter, a finder and a runner (extension test): in ".toy" files
// the whole text is one zone, "> <command>" lines are shell examples followed by their
// expected output, and the runner, which replaces the built-in shell one, only knows echo.
// A concern option, +shout, makes the runner print in upper case.
#include <algorithm>
#include <byexample/extension.hpp>
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>

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

}  // namespace

BYEXAMPLE_MODULE(registry) {
  registry.add<ToyDelimiter>("ToyDelimiter");
  registry.add<ToyFinder>("ToyFinder");
  registry.add<ToyRunner>("ToyRunner");
  registry.add<Shout>("Shout");
}
