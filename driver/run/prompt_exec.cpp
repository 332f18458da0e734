// PromptRunner: executing a source and turning what was read into the got (§4.4, §4.5, §3.1).
#include <algorithm>
#include <utility>

#include "driver/run/countdown.hpp"
#include "driver/run/prompt_runner.hpp"
#include "driver/run/run_options.hpp"
#include "driver/run/typing.hpp"
#include "driver/run/utf8.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

constexpr std::size_t k_last_read = 1000;

std::vector<std::string_view> split_lines(std::string_view source) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t newline = source.find('\n', start);
    lines.push_back(source.substr(start, newline - start));
    if (newline == std::string_view::npos) return lines;
    start = newline + 1;
  }
}

std::string joined(const std::vector<std::string>& chunks) {
  std::string out;
  for (const auto& chunk : chunks) out += chunk;
  return out;
}

}  // namespace

void PromptRunner::send_line(std::string_view line) {
  std::string text(line);
  text += '\n';
  m_stream->send(text);
}

std::string PromptRunner::exec_and_wait(std::string_view source, const OptionStack& options,
                                        const ExecSettings& settings) {
  ensure_running();
  bool enforced = echo_filtering_enforced(options);
  if (enforced) m_stream->drain();
  m_stream->set_filtering(run_options::term(options) == TermMode::dumb &&
                          run_options::flag(options, "filter_esc_seqs", true));
  m_stream->filter().clear_seen();
  m_chunks.clear();
  m_current.clear();

  static const std::vector<TypedInput> k_no_inputs;
  InputQueue inputs(settings.example ? settings.example->inputs : k_no_inputs);
  Countdown countdown(settings.timeout.value_or(run_options::timeout(options)));
  bool at_ps1 = false;
  if (settings.single_write) {
    if (!enforced && m_config.turn_echo_off) m_stream->pty().set_echo(false);
    m_stream->send(source);
    while (!at_ps1) {
      at_ps1 = wait_prompt(options, countdown, m_any_prompt, inputs, settings.example, true);
    }
  }
  auto lines = settings.single_write ? std::vector<std::string_view>{} : split_lines(source);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    bool last = i + 1 == lines.size();
    // The final empty line only closes a pending compound statement: once PS1 is shown
    // there is none, and sending it would cost a round trip for the same output.
    if (last && i > 0 && lines[i].empty() && at_ps1) break;
    if (!enforced && m_config.turn_echo_off) m_stream->pty().set_echo(false);
    send_line(lines[i]);
    at_ps1 = wait_prompt(options, countdown, last ? m_ps1 : m_any_prompt, inputs, settings.example,
                         true);
  }
  if (m_config.delayafterprompt > 0) {
    if (m_chunks.empty()) m_chunks.emplace_back();
    m_chunks.back() += m_stream->read_for(m_config.delayafterprompt);
  }
  std::string untyped = inputs.untyped_warning();
  if (!untyped.empty()) log::warn(log_name(), untyped);
  if (settings.example != nullptr) edit_chunks(m_chunks, *settings.example, options);
  return collect_got(options, settings.example, enforced);
}

void PromptRunner::exec_hidden(std::string_view source, const OptionStack& options) {
  exec_and_wait(source, options, {nullptr, m_config.dfl_timeout});
}

void PromptRunner::exec_hidden_block(std::string_view text, const OptionStack& options,
                                     std::optional<double> timeout) {
  ensure_running();
  if (!echo_filtering_enforced(options) && m_config.turn_echo_off) m_stream->pty().set_echo(false);
  m_stream->send(text);
  sync_on_ps1(options, timeout.value_or(m_config.dfl_timeout));
}

void PromptRunner::sync_on_ps1(const OptionStack& options, double timeout) {
  ensure_running();
  m_chunks.clear();
  m_current.clear();
  static const std::vector<TypedInput> k_no_inputs;
  InputQueue inputs(k_no_inputs);
  Countdown countdown(timeout);
  wait_prompt(options, countdown, m_ps1, inputs, nullptr, false);
  m_chunks.clear();
}

bool PromptRunner::wait_prompt(const OptionStack& options, Countdown& countdown,
                               const Regex& prompt, InputQueue& inputs, Example* example,
                               bool limited) {
  while (true) {
    std::vector<const Regex*> wanted = {&prompt};
    if (!inputs.empty()) wanted.push_back(&inputs.front_regex());
    double wait = limited ? prompt_wait_limit(options, countdown.left()) : countdown.left();
    auto found = countdown.measure([&] { return m_stream->expect(wanted, wait); });
    m_current += found.before;
    if (found.outcome != PromptStream::Outcome::matched) {
      fail_wait(options, example, found.outcome == PromptStream::Outcome::eof,
                inputs.empty() ? nullptr : &inputs.front());
    }
    if (found.index == 0) {
      m_chunks.push_back(std::exchange(m_current, {}));
      return &prompt == &m_ps1 || m_ps1.match(found.match).has_value();
    }
    // An emulated echo, so that the `[text]` written in the expected is found in the got.
    const TypedInput& input = inputs.front();
    m_current += found.match + "[" + input.text + "]\r\n";
    send_line(input.text);
    inputs.pop();
  }
}

void PromptRunner::fail_wait(const OptionStack& options, Example* example, bool eof,
                             const TypedInput* input) {
  if (!m_current.empty() || m_chunks.empty()) m_chunks.push_back(std::exchange(m_current, {}));
  std::string raw = joined(m_chunks);
  std::string got = collect_got(options, example, echo_filtering_enforced(options));
  std::string last =
      "\n\nLast 1000 bytes read:\n" + std::string(utf8::last_chars(raw, k_last_read));
  if (eof) {
    throw InterpreterClosedError(
        "Interpreter closed unexpectedly.\nThis could happen because the example triggered a "
        "close/shutdown/exit action,\nthe interpreter was killed by someone else or because the "
        "interpreter just crashed." +
            last,
        got, raw);
  }
  if (input == nullptr) {
    throw TimeoutError(
        "Prompt not found: the code is taking too long to finish or there is a syntax error." +
            last,
        got, raw);
  }
  TimeoutError error("The text before typing '" + input->text + "' was not found. Expected '" +
                         input->prefix + "' but found '" + got + "'",
                     got, raw);
  error.input_prefix = input->prefix;
  error.input_text = input->text;
  throw error;
}

std::string PromptRunner::collect_got(const OptionStack& options, Example* example,
                                      bool echo_enforced) {
  TermMode mode = run_options::term(options);
  bool echo = mode != TermMode::as_is && echo_enforced;
  std::string got = m_terminal->process(m_chunks, mode, echo);
  m_chunks.clear();
  if (example != nullptr && mode == TermMode::dumb && m_stream->filter().seen_unhandled()) {
    add_escape_notes(*example);
  }
  return got;
}

void PromptRunner::add_escape_notes(Example& example) const {
  bool verbose = log::enabled("exec.term", log::Level::info);
  std::string note =
      "Escape/control sequences were detected. If the output looks\nscrambled or dirty, you may "
      "try a full terminal emulation with '+term=ansi'";
  if (!verbose) note += "\nRun byexample with -v to get more debugging details";
  std::vector<std::string> notes = {note};
  if (verbose) {
    std::string list;
    for (const auto& sequence : m_stream->filter().unhandled()) {
      list += (list.empty() ? "'" : ", '") + sequence + "'";
    }
    notes.push_back("Unhandled sequences: [" + list + "]");
  }
  for (auto& text : notes) {
    auto& existing = example.notes_on_failure;
    if (std::find(existing.begin(), existing.end(), text) == existing.end()) {
      example.add_note_on_failure(std::move(text));
    }
  }
}

}  // namespace bx
