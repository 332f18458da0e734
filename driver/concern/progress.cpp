#include "driver/concern/progress.hpp"

namespace bx {

namespace {

constexpr const char* k_board = "board";

}  // namespace

ProgressConcern::ProgressConcern(const CreationContext& ctx, ReporterSettings settings, bool bars,
                                 bool disabled)
    : ConsoleReporter(settings), m_disabled(disabled), m_bar(ctx.job_number().value_or(0)) {
  if (!bars || disabled) return;
  m_board = ctx.share<ProgressBoard>(k_board, ctx.cfg().jobs, ProgressBoard::stdout_terminal());
}

void ProgressConcern::start(std::vector<Example>& examples, const RunnerMap& runners,
                            const std::string& filepath, OptionStack& options) {
  ConsoleReporter::start(examples, runners, filepath, options);
  m_row = BarRow{filepath, 0, examples.size(), 0};
  redraw();
}

void ProgressConcern::skip_example(Example& example, OptionStack& options) {
  ConsoleReporter::skip_example(example, options);
  advance();
}

void ProgressConcern::start_example(Example& example, OptionStack& options) {
  ConsoleReporter::start_example(example, options);
  m_row.line = example.start_lineno;
  redraw();
}

void ProgressConcern::timedout(Example& example, const TimeoutError& error) {
  ConsoleReporter::timedout(example, error);
  advance();
}

void ProgressConcern::success(Example& example, const std::string& got, const Differ& differ,
                              OptionStack& options) {
  ConsoleReporter::success(example, got, differ, options);
  advance();
}

void ProgressConcern::failure(Example& example, const std::string& got, const Differ& differ,
                              OptionStack& options) {
  ConsoleReporter::failure(example, got, differ, options);
  advance();
}

void ProgressConcern::finish(const FileOutcome& outcome) {
  ConsoleReporter::finish(outcome);
  if (m_board) m_board->remove(m_bar);
}

void ProgressConcern::finish_run(const RunOutcome&) {
  if (m_board) m_board->close();
}

void ProgressConcern::advance() {
  ++m_row.done;
  redraw();
}

void ProgressConcern::redraw() {
  if (m_board) m_board->show(m_bar, m_row);
}

}  // namespace bx
