#!/usr/bin/env python3
"""What ctest knows about a build's tests, and what a run did, one answer per line.

  ctest_info.py names BUILD [ctest args]   the test names (e.g. `-L python` selects)
  ctest_info.py prop BUILD NAME PROPERTY   a property (list values joined with ';')
  ctest_info.py command BUILD NAME         the command, one argument per line
  ctest_info.py results JUNIT              `<name>: passed|failed|skipped` (--output-junit)
  ctest_info.py meson-results TESTLOG      `<test>: <result>` from meson-logs/testlog.json
  ctest_info.py meson-subtests JUNIT       `<test>: <TAP test point>: ok|failed|skipped`, from
                                           meson-logs/testlog.junit.xml
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET


def ctest_tests(build, extra=()):
    out = subprocess.run(['ctest', '--test-dir', build, '--show-only=json-v1', *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)['tests']


def find(build, name):
    for test in ctest_tests(build):
        if test['name'] == name:
            return test
    sys.exit(f'no test named {name!r}')


def prop(test, name):
    for p in test.get('properties', []):
        if p['name'] == name:
            value = p['value']
            if isinstance(value, list):
                return ';'.join(str(v) for v in value)
            if isinstance(value, float) and value.is_integer():
                return str(int(value))
            return str(value)
    return ''


def meson_name(qualified):
    """`docs/a.md` from Meson's `project:suite / docs/a.md`."""
    return qualified.split(' / ', 1)[-1]


def junit_results(path):
    for case in ET.parse(path).getroot().iter('testcase'):
        if case.find('failure') is not None or case.find('error') is not None:
            status = 'failed'
        elif case.find('skipped') is not None:
            status = 'skipped'
        else:
            status = 'passed'
        print(f"{case.get('name')}: {status}")


def meson_subtests(path):
    for suite in ET.parse(path).getroot().iter('testsuite'):
        for case in suite.iter('testcase'):
            if case.find('failure') is not None or case.find('error') is not None:
                status = 'failed'
            elif case.find('skipped') is not None:
                status = 'skipped'
            else:
                status = 'ok'
            print(f"{meson_name(suite.get('name'))}: {case.get('name')}: {status}")


def main(argv):
    what = argv[1]
    if what == 'names':
        for test in ctest_tests(argv[2], argv[3:]):
            print(test['name'])
    elif what == 'prop':
        print(prop(find(argv[2], argv[3]), argv[4]))
    elif what == 'command':
        print('\n'.join(find(argv[2], argv[3])['command']))
    elif what == 'results':
        junit_results(argv[2])
    elif what == 'meson-results':
        with open(argv[2]) as log:
            for line in log:
                entry = json.loads(line)
                print(f"{meson_name(entry['name'])}: {entry['result']}")
    elif what == 'meson-subtests':
        meson_subtests(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
