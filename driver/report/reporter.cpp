#include "driver/report/reporter.hpp"

#include <fmt/format.h>

#include <functional>

#include "driver/run/decoder.hpp"
#include "driver/util/log.hpp"
#include "driver/util/output.hpp"

namespace bx {

namespace {

std::string rstrip(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

}  // namespace

std::string format_elapsed(double seconds) {
  if (seconds < 300) return fmt::format("{:.2f} seconds", seconds);
  if (seconds < 3600) {
    return fmt::format("{} minutes, {} seconds", static_cast<long>(seconds / 60),
                       static_cast<long>(seconds) % 60);
  }
  return fmt::format("{} hours, {} minutes", static_cast<long>(seconds / 3600),
                     (static_cast<long>(seconds) % 3600) / 60);
}

std::string indent_snippet(const std::string& snippet) {
  std::string out;
  std::size_t begin = 0;
  while (begin <= snippet.size()) {
    std::size_t end = snippet.find('\n', begin);
    if (end == std::string::npos) end = snippet.size();
    std::string_view line(snippet.data() + begin, end - begin);
    if (!line.empty()) out += "    ";
    out += line;
    out += '\n';
    if (end == snippet.size()) break;
    begin = end + 1;
  }
  return out;
}

void ConsoleReporter::write(const std::string& text) const {
  Output::stdout_writer().write(text);
}

std::string ConsoleReporter::position(const Example& example) const {
  // Its place in the file's list; an example aborted before it started was not counted in
  // m_ran yet.
  std::size_t index = m_ran;
  const std::less<const Example*> before;  // a total order, also for unrelated pointers
  if (m_first != nullptr && !before(&example, m_first) && before(&example, m_first + m_total)) {
    index = static_cast<std::size_t>(&example - m_first) + 1;
  }
  return fmt::format("{} of {}", index, m_total);
}

std::string ConsoleReporter::header(const Example& example) {
  if (m_header_printed_for == &example) return "";
  m_header_printed_for = &example;
  std::string snippet = example.snippet;
  while (!snippet.empty() && snippet.back() == '\n') snippet.pop_back();
  return fmt::format("{}\nFile \"{}\", line {}\nFailed example:\n{}", std::string(70, '*'),
                     example.filepath, example.start_lineno, indent_snippet(snippet));
}

void ConsoleReporter::start(std::vector<Example>& examples, const RunnerMap&,
                            const std::string& filepath, OptionStack&) {
  m_filepath = filepath;
  m_first = examples.data();
  m_total = examples.size();
  m_ran = m_passed = m_failed = m_skipped = m_failures_shown = 0;
  m_header_printed_for = nullptr;
  m_begin = std::chrono::steady_clock::now();
}

void ConsoleReporter::start_parse(Example&, OptionStack&) {
  ++m_ran;
}

void ConsoleReporter::finish_parse(Example& example, OptionStack&, const std::exception* error) {
  if (error == nullptr) return;
  std::string kind = "Exception";
  if (const auto* parse = dynamic_cast<const ParseError*>(error)) kind = parse->kind();
  write(fmt::format("\n{}{} Parse of example {} failed.\n{}: {}\n", header(example),
                    colored("=>", "red", m_settings.colors), position(example), kind,
                    error->what()));
}

void ConsoleReporter::skip_example(Example&, OptionStack&) {
  ++m_skipped;
}

void ConsoleReporter::start_example(Example& example, OptionStack&) {
  if (log::enabled("exec." + example.language, log::Level::chat)) {
    log::chat("exec." + example.language, "example to run:\n" + indent_snippet(example.snippet));
  }
}

void ConsoleReporter::timedout(Example& example, const TimeoutError& error) {
  ++m_failed;
  ++m_failures_shown;
  const bool c = m_settings.colors;
  std::string text = fmt::format(
      "\n{}{} Execution timedout at example {}.\n"
      "{} This could be because the example just ran too slow (try add more time\n"
      "with +timeout=<n>) or the example is \"syntactically incorrect\" and\n"
      "the interpreter hang (may be you forgot a parenthesis or something like that?).\n",
      header(example), colored("=>", "red", c), position(example), colored("-", "cyan", c));
  if (!error.input_text.empty() || !error.input_prefix.empty()) {
    text += fmt::format(
        "{} This happen before typing >>{}<<.\nPerhaps the text before did not match what you "
        "expected? You were expecting:\n>>{}<<\n",
        colored("-", "cyan", c), error.input_text, error.input_prefix);
  }
  std::string got = rstrip(error.output);
  if (!got.empty()) {
    text +=
        fmt::format("{} This is the last output obtained:\n>>{}<<\n", colored("-", "cyan", c), got);
  }
  if (log::enabled("exec", log::Level::chat) && m_settings.verbosity >= 4) {
    text += fmt::format("{} This is the last raw output obtained:\n>>{}<<\n",
                        colored("-", "cyan", c), error.raw_output);
  }
  for (const auto& note : example.notes_on_failure) {
    text += colored("-", "yellow", c) + " " + note + "\n";
  }
  write(text);
}

void ConsoleReporter::crashed(Example& example, const std::exception& error) {
  const bool c = m_settings.colors;
  std::string text = fmt::format("\n{}{} Execution of example {} crashed.\n", header(example),
                                 colored("=>", "red", c), position(example));
  if (const auto* closed = dynamic_cast<const InterpreterClosedError*>(&error)) {
    text += fmt::format(
        "{} Interpreter closed unexpectedly: the interpreter or runner closed unexpectedly.\n"
        "This could happen because the example triggered a close/shutdown/exit action,\n"
        "the interpreter was killed by someone else or because the interpreter just crashed.\n\n"
        "If the interpreter is just crashing, it may be possible to find a workaround,\n"
        "you can open an issue at https://github.com/byexamples/byexample/issues\n",
        colored("-", "cyan", c));
    std::string got = rstrip(closed->output);
    if (!got.empty()) {
      text += fmt::format("{} This is the last output obtained:\n>>{}<<\n", colored("-", "cyan", c),
                          got);
    }
  } else if (const auto* decoding = dynamic_cast<const DecodeError*>(&error)) {
    text += fmt::format(
        "{} The output of the example could not be decoded as '{}'.\n"
        "The current setting is '--encoding={}:{}'.\n"
        "Try a different one with '--encoding' from the command line.\n"
        "If the encoding is correct, try to use a more relaxed error handler\n"
        "like 'replace' or 'ignore'.\n"
        "If it helps, this is the decoding error we got:\n{}\n",
        colored("-", "cyan", c), decoding->encoding(), decoding->encoding(), decoding->handler(),
        decoding->what());
  } else {
    text += fmt::format("Exception: {}\n", error.what());
  }
  write(text);
}

void ConsoleReporter::aborted(Example& example, bool by_the_user, OptionStack&) {
  write(fmt::format(
      "\n{}{} Execution aborted {}at example {}.\n{} Some resources may had not "
      "been cleaned.\n",
      header(example), colored("=>", "red", m_settings.colors), by_the_user ? "by the user " : "",
      position(example), colored("-", "cyan", m_settings.colors)));
}

void ConsoleReporter::success(Example&, const std::string&, const Differ&, OptionStack&) {
  ++m_passed;
}

void ConsoleReporter::failure(Example& example, const std::string& got, const Differ& differ,
                              OptionStack& options) {
  ++m_failed;
  long limit = options.integer("show_failures");
  bool hidden = limit != k_show_all_failures && static_cast<long>(m_failures_shown) >= limit;
  ++m_failures_shown;
  if (hidden) return;
  std::string text = "\n" + header(example) +
                     differ.output_difference(example, got, options, m_settings.colors) + "\n";
  for (const auto& note : example.notes_on_failure) {
    text += colored("-", "yellow", m_settings.colors) + " " + note + "\n";
  }
  write(text);
}

void ConsoleReporter::finish(const FileOutcome& outcome) {
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - m_begin).count();
  const char* status = "PASS";
  const char* color = "green";
  if (outcome.user_aborted || outcome.crashed || outcome.broken || outcome.timedout) {
    status = "ABORT";
    color = "red";
  } else if (outcome.failed) {
    status = "FAIL";
    color = "red";
  }
  write(fmt::format("\nFile {}, {}/{} test ran in {}\n{} Pass: {} Fail: {} Skip: {}\n", m_filepath,
                    m_ran, m_total, format_elapsed(elapsed),
                    colored(fmt::format("[{}]", status), color, m_settings.colors), m_passed,
                    m_failed, m_skipped));
}

}  // namespace bx
