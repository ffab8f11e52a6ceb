#!/usr/bin/env python3
"""Tests of scripts/spark-audit that need no Spark: scripts/numcheck_audit.py (the aggregation of
numcheck's output lines, the report, error locations, the numcheck wrapper that runs in each
partition) and `spark-audit --report-only`.

Run: python3 scripts/test_spark_audit.py
The wrapper tests run the release binary (target/release/numcheck, or $NUMCHECK_BIN): build it
first with `cargo build --release`; they fail when it is missing.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


sys.path.insert(0, HERE)
import numcheck_audit as sa  # noqa: E402 - the module beside this test


def verdict(
    kind, check="reference", severity=None, fact=None, claim_kind="count", text="40 buses", **extra
):
    """A VERDICT object as `numcheck check --stream` writes it (only the fields read here)."""
    out = {
        "claim": {
            "text": text,
            "kind": claim_kind,
            "line": 1,
            "span": {"start": 0, "end": len(text)},
        },
        "verdict": kind,
        "severity": severity,
        "summary": "%s: %s" % (text, kind),
        "check": check,
        "fact": fact,
        "suppressed": False,
    }
    out.update(extra)
    return out


def fact(entity, source, fact_id="f"):
    return {"id": fact_id, "entity": entity, "measure": "size", "value": "1", "source": source}


def article(article_id, *verdicts):
    return json.dumps(
        {
            "schema_version": 1,
            "id": article_id,
            "path": str(article_id),
            "format": "text",
            "date": None,
            "verdicts": list(verdicts),
        }
    )


TOWN = fact("Northbridge", "Town census 2020", "town-pop")
FLEET = fact("Northbridge buses", "Transport board annual report", "bus-fleet")

SAMPLE = [
    article(
        "a1",
        verdict("consistent", fact=TOWN),
        verdict(
            "inconsistent",
            severity="gross",
            fact=TOWN,
            text="12,000 residents",
            gap={"relative": "-0.5"},
        ),
        verdict("unverifiable", check="conversion", claim_kind="currency", text="£3m"),
    ),
    article(
        "a2",
        verdict("consistent_by_rounding", fact=FLEET),
        verdict(
            "inconsistent", severity="minor", fact=FLEET, text="41 buses", gap={"relative": "0.025"}
        ),
        # a newer numcheck: another severity and check, a fact without a source
        verdict(
            "inconsistent",
            severity="warning",
            check="frame",
            fact={"entity": "Northbridge"},
            text="a tenth",
            gap={"relative": "-0.9"},
        ),
        # suppressed with numcheck:ignore: counted apart
        dict(verdict("inconsistent", severity="gross", fact=TOWN), suppressed=True),
    ),
    article("a3"),
    # no check, no severity, no fact, no claim kind (or empty ones): all "none"
    json.dumps({"id": 4, "verdicts": [{"verdict": "ambiguous", "check": ""}]}),
    json.dumps(
        {"error": '-: line 5: not a JSON object with a "text" field: expected value', "line": 5}
    ),
    json.dumps({"error": "e1: empty text: nothing to check", "id": "e1"}),
    "this is not JSON",
    json.dumps([1, 2, 3]),
]


class AggregateTest(unittest.TestCase):
    def setUp(self):
        self.report = sa.aggregate(SAMPLE).report()

    def test_totals(self):
        totals = self.report["totals"]
        self.assertEqual(totals["output_lines"], 8)
        self.assertEqual(totals["articles"], 4)
        self.assertEqual(totals["articles_with_claims"], 3)
        self.assertEqual(totals["articles_with_inconsistent"], 2)
        self.assertEqual(totals["claims"], 7)
        self.assertEqual(totals["suppressed"], 1)
        self.assertEqual(totals["errors"], 4)

    def test_counts_by_verdict_check_severity(self):
        self.assertEqual(
            self.report["by_verdict"],
            {
                "inconsistent": 3,
                "ambiguous": 1,
                "consistent": 1,
                "consistent_by_rounding": 1,
                "unverifiable": 1,
            },
        )
        self.assertEqual(
            self.report["by_check"], {"reference": 4, "conversion": 1, "frame": 1, "none": 1}
        )
        self.assertEqual(
            self.report["by_severity"], {"none": 4, "gross": 1, "minor": 1, "warning": 1}
        )
        self.assertEqual(
            self.report["by_check_verdict"]["reference"],
            {"consistent": 1, "consistent_by_rounding": 1, "inconsistent": 2},
        )
        self.assertEqual(self.report["by_check_verdict"]["none"], {"ambiguous": 1})
        # the keys of by_check_verdict follow by_check's order
        self.assertEqual(list(self.report["by_check_verdict"]), list(self.report["by_check"]))

    def test_counts_by_source_and_kind(self):
        self.assertEqual(
            self.report["by_source"],
            {"none": 3, "Town census 2020": 2, "Transport board annual report": 2},
        )
        self.assertEqual(self.report["by_kind"], {"count": 5, "currency": 1, "none": 1})

    def test_entities(self):
        top = self.report["top_entities"]
        self.assertEqual(self.report["entities"], 2)
        self.assertEqual(
            top[0],
            {
                "entity": "Northbridge",
                "claims": 3,
                "by_verdict": {"inconsistent": 2, "consistent": 1},
            },
        )
        self.assertEqual(top[1]["entity"], "Northbridge buses")
        self.assertEqual(top[1]["claims"], 2)

    def test_inconsistent_ranked_by_severity_then_gap(self):
        claims = [
            (i["article"], i["claim"], i["severity"]) for i in self.report["top_inconsistent"]
        ]
        self.assertEqual(
            claims,
            [
                ("a1", "12,000 residents", "gross"),
                ("a2", "a tenth", "warning"),
                ("a2", "41 buses", "minor"),
            ],
        )
        first = self.report["top_inconsistent"][0]
        self.assertEqual(first["fact"]["source"], "Town census 2020")
        self.assertEqual(first["gap_relative"], "-0.5")

    def test_every_error_is_listed(self):
        errors = self.report["errors"]
        self.assertEqual(self.report["errors_listed"], 4)
        self.assertEqual(len(errors), 4)
        self.assertIn({"error": "e1: empty text: nothing to check", "id": "e1"}, errors)
        self.assertTrue(any(e.get("line") == 5 for e in errors))
        self.assertTrue(any(e.get("output") == "this is not JSON" for e in errors))
        self.assertTrue(any(e.get("output") == "[1, 2, 3]" for e in errors))

    def test_malformed_verdicts_are_counted(self):
        report = sa.aggregate([article("m", "not a verdict", verdict("consistent"))]).report()
        self.assertEqual(report["totals"]["malformed_verdicts"], 1)
        self.assertEqual(report["totals"]["claims"], 1)
        self.assertNotIn("malformed_verdicts", self.report["totals"])

    def test_errors_beyond_the_limit_are_counted(self):
        lines = [json.dumps({"error": "bad %d" % i, "line": i}) for i in range(1, 8)]
        report = sa.aggregate(lines, max_errors=3).report()
        self.assertEqual(report["totals"]["errors"], 7)
        self.assertEqual(report["errors_listed"], 3)
        self.assertIn("4 more", sa.render_markdown(report))

    def test_top_limits_the_lists(self):
        lines = [
            article(
                "x%d" % i,
                verdict(
                    "inconsistent",
                    severity="minor",
                    fact=fact("E%d" % i, "S"),
                    gap={"relative": str(i / 100)},
                ),
            )
            for i in range(30)
        ]
        report = sa.aggregate(lines, top=5).report()
        self.assertEqual(len(report["top_entities"]), 5)
        self.assertEqual(report["entities"], 30)
        self.assertEqual(
            [i["article"] for i in report["top_inconsistent"]], ["x29", "x28", "x27", "x26", "x25"]
        )

    def test_merged_partials_equal_one_pass(self):
        lines = SAMPLE * 3
        whole = sa.aggregate(lines, top=2).report()
        parts = [sa.aggregate(lines[i::3], top=2) for i in range(3)]
        merged = parts[0].merge(parts[1]).merge(parts[2]).report()
        self.assertEqual(merged["totals"], whole["totals"])
        for key in (
            "by_verdict",
            "by_check",
            "by_severity",
            "by_source",
            "by_kind",
            "by_check_verdict",
            "top_entities",
            "top_inconsistent",
        ):
            self.assertEqual(merged[key], whole[key], key)
        self.assertEqual(len(merged["errors"]), 12)


class LocationTest(unittest.TestCase):
    # two files; the first read in two splits (partitions 0 and 1), the second in partition 2;
    # 10 lines in partition 0, 7 in partition 1
    SPLITS = {
        0: ("hdfs://nn/archive/a.jsonl", 0),
        1: ("hdfs://nn/archive/a.jsonl", 4096),
        2: ("hdfs://nn/archive/b.jsonl", 0),
    }
    GLOBAL_STARTS = {0: 0, 1: 10, 2: 17}

    def locate(self):
        return sa.line_locator(sa.file_line_starts(self.SPLITS, self.GLOBAL_STARTS), self.SPLITS)

    def test_lines_are_counted_per_file(self):
        self.assertEqual(sa.file_line_starts(self.SPLITS, self.GLOBAL_STARTS), {0: 0, 1: 10, 2: 0})
        locate = self.locate()
        self.assertEqual(
            locate({"partition": 0, "line": 3}), {"file": "hdfs://nn/archive/a.jsonl", "line": 3}
        )
        self.assertEqual(
            locate({"partition": 1, "line": 2}), {"file": "hdfs://nn/archive/a.jsonl", "line": 12}
        )
        self.assertEqual(
            locate({"partition": 2, "line": 4}), {"file": "hdfs://nn/archive/b.jsonl", "line": 4}
        )

    def test_splits_after_one_of_unknown_size_are_not_numbered(self):
        # the last partition's size is not counted; here it comes first in its file
        splits = {0: ("a.jsonl", 4096), 1: ("a.jsonl", 0)}
        self.assertEqual(sa.file_line_starts(splits, {0: 0, 1: 7}), {1: 0})
        self.assertEqual(sa.file_line_starts(self.SPLITS, {}), {0: 0, 2: 0})

    def test_unknown_partitions_keep_partition_lines(self):
        locate = sa.line_locator({0: 0}, self.SPLITS)
        self.assertIsNone(locate({"partition": 1, "line": 2}))
        error = {"error": "-: line 2: bad", "line": 2, "_where": {"partition": 1, "line": 2}}
        self.assertEqual(
            sa.locate_error(error, locate),
            {"error": "-: line 2: bad", "line": 2, "partition": 1, "partition_line": 2},
        )

    def test_error_lines_name_file_and_line(self):
        locate = self.locate()
        text = json.dumps({"error": "-: line 2: not a JSON object", "line": 2})
        out = json.loads(sa.relocate_output(text, {"partition": 1, "line": 2}, locate))
        self.assertEqual(
            out,
            {
                "error": "hdfs://nn/archive/a.jsonl: line 12: not a JSON object",
                "file": "hdfs://nn/archive/a.jsonl",
                "line": 12,
            },
        )
        by_id = json.dumps({"error": "q7: empty text: nothing to check", "id": "q7"})
        out = json.loads(sa.relocate_output(by_id, {"partition": 2, "line": 1}, locate))
        self.assertEqual(
            out,
            {
                "error": "q7: empty text: nothing to check",
                "id": "q7",
                "file": "hdfs://nn/archive/b.jsonl",
                "line": 1,
            },
        )

    def test_article_lines_are_left_alone(self):
        line = article("a-error", verdict("unverifiable", text="error 404"))
        self.assertIs(sa.relocate_output(line, {"partition": 0, "line": 1}, self.locate()), line)

    def test_report_locates_errors(self):
        audit = sa.Audit()
        audit.add_partition({"input_lines": 10})
        audit.add_partition({"input_lines": 7})
        audit.add_line(
            json.dumps({"error": "-: line 6: bad", "line": 6}), {"partition": 1, "line": 6}
        )
        report = audit.report(self.locate())
        self.assertEqual(
            report["errors"],
            [
                {
                    "error": "hdfs://nn/archive/a.jsonl: line 16: bad",
                    "file": "hdfs://nn/archive/a.jsonl",
                    "line": 16,
                }
            ],
        )
        self.assertEqual(report["totals"]["input_lines"], 17)
        self.assertIn("- hdfs://nn/archive/a.jsonl:16: bad\n", sa.render_markdown(report))

    def test_accumulator_merges_partials(self):
        param = sa.AuditAccumulator()
        total = param.zero(sa.Audit(top=3, max_errors=5))
        self.assertEqual((total.top, total.max_errors, total.totals["articles"]), (3, 5, 0))
        for part in (SAMPLE[:3], SAMPLE[3:]):
            total = param.addInPlace(total, sa.aggregate(part, top=3))
        self.assertEqual(total.report(), sa.aggregate(SAMPLE, top=3).report())


class OutputTest(unittest.TestCase):
    def test_markdown(self):
        report = sa.aggregate(
            SAMPLE + [article("p|q", verdict("inconsistent", severity="gross", text="7 | 8 km"))]
        ).report()
        text = sa.render_markdown(report)
        self.assertIn("| inconsistent | 4 | 50.0% |", text)
        self.assertIn("| Northbridge | 3 | inconsistent 2, consistent 1 |", text)
        self.assertIn("p\\|q", text)
        self.assertIn("7 \\| 8 km", text)
        self.assertIn("## Errors (4)", text)
        self.assertIn("- line 5: -: line 5: not a JSON object", text)
        self.assertIn('- (id "e1"): e1: empty text', text)
        self.assertIn(
            "- this is not JSON", text.replace("numcheck wrote a line that is not JSON: ", "")
        )

    def test_exit_code(self):
        report = sa.aggregate(
            [article("a", verdict("inconsistent")), article("b", verdict("unverifiable"))]
        ).report()
        self.assertEqual(sa.exit_code(report, "inconsistent"), 1)
        self.assertEqual(sa.exit_code(report, "never"), 0)
        clean = sa.aggregate([article("b", verdict("unverifiable"))]).report()
        self.assertEqual(sa.exit_code(clean, "inconsistent"), 0)
        self.assertEqual(sa.exit_code(clean, "unverifiable"), 1)
        broken = sa.aggregate([article("b"), json.dumps({"error": "x", "line": 1})]).report()
        self.assertEqual(sa.exit_code(broken, "never"), 2)

    def test_json_report_is_serialisable(self):
        report = sa.aggregate(SAMPLE).report()
        self.assertEqual(json.loads(json.dumps(report)), report)


class ReportOnlyTest(unittest.TestCase):
    """`spark-audit --report-only`: the report from existing numcheck output, no Spark."""

    def run_script(self, *args, stdin=None):
        return subprocess.run(
            [sys.executable, os.path.join(HERE, "spark-audit"), "--report-only", *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def test_report_files(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        done = self.run_script("-", "--out", out, stdin="\n".join(SAMPLE) + "\n")
        self.assertEqual(done.returncode, 2, done.stderr)  # error lines: exit 2, as numcheck
        with open(os.path.join(out, "report.json")) as f:
            report = json.load(f)
        self.assertEqual(report["totals"]["articles"], 4)
        self.assertNotIn("input_lines", report["totals"])
        self.assertEqual(report["by_verdict"], sa.aggregate(SAMPLE).report()["by_verdict"])
        # errors listed in the order of the output
        self.assertEqual([e.get("line", e.get("id")) for e in report["errors"][:2]], [5, "e1"])
        with open(os.path.join(out, "report.md")) as f:
            markdown = f.read()
        self.assertIn("## Top inconsistent claims", markdown)
        again = self.run_script("-", "--out", out, stdin=SAMPLE[0] + "\n")
        self.assertEqual(again.returncode, 2)
        self.assertIn("--overwrite", again.stderr)

    def test_missing_input_is_named(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        done = self.run_script("no-such-results.jsonl", "--out", out)
        self.assertEqual(done.returncode, 2)
        self.assertIn("spark-audit: cannot read no-such-results.jsonl", done.stderr)


def numcheck_binary():
    path = os.environ.get("NUMCHECK_BIN") or os.path.join(ROOT, "target", "release", "numcheck")
    if not os.access(path, os.X_OK):
        raise AssertionError(
            "numcheck binary %s missing: run `cargo build --release` first (or set NUMCHECK_BIN)"
            % path
        )
    return path


class WrapperTest(unittest.TestCase):
    """run_numcheck, as each Spark partition runs it, with the real binary."""

    def test_every_line_answered_in_order(self):
        lines = [
            json.dumps({"id": "w1", "text": "The depot sent out 40 buses and 12 trams on Sunday."}),
            "",
            "{not json",
            json.dumps({"id": "w2", "text": ""}),
            json.dumps(
                {
                    "id": "w3",
                    "text": "About 3,000 people came, twice as many as in 2019.",
                    "title": "ignored",
                }
            ),
        ]
        items = list(sa.run_numcheck(7, iter(lines), numcheck_binary(), []))
        outs = [item for item in items if item[0] == "out"]
        meta = [item for item in items if item[0] == "meta"]
        self.assertEqual(len(outs), 4)
        self.assertEqual([o[2] for o in outs], [{"partition": 7, "line": n} for n in (1, 3, 4, 5)])
        parsed = [json.loads(o[3]) for o in outs]
        self.assertEqual(parsed[0]["id"], "w1")
        self.assertEqual(
            [c["claim"]["text"] for c in parsed[0]["verdicts"]][:2], ["40 buses", "12 trams"]
        )
        self.assertEqual(parsed[1]["line"], 3)
        self.assertIn("error", parsed[1])
        self.assertEqual(parsed[2]["id"], "w2")
        self.assertIn("error", parsed[2])
        self.assertEqual(parsed[3]["id"], "w3")
        self.assertEqual(
            meta,
            [
                (
                    "meta",
                    7,
                    {
                        "input_lines": 5,
                        "input_bytes": sum(len(x.encode()) + 1 for x in lines),
                        "input_articles": 4,
                        "output_lines": 4,
                    },
                )
            ],
        )
        audit = sa.Audit()
        locate = sa.line_locator({7: 100}, {7: ("part.jsonl", 0)})
        written = list(sa.audited_outputs(iter(items), audit, locate))
        self.assertEqual(written[0], outs[0][3])
        self.assertEqual(json.loads(written[1])["line"], 103)
        self.assertEqual(json.loads(written[2])["file"], "part.jsonl")
        report = audit.report(locate)
        self.assertEqual(report["totals"]["articles"], 2)
        self.assertEqual(report["totals"]["errors"], 2)
        self.assertEqual(report["totals"]["input_lines"], 5)
        self.assertEqual(sorted(e["line"] for e in report["errors"]), [103, 104])

    def test_options_are_passed(self):
        line = json.dumps({"id": "d", "text": "The fare is €2 ($2.20)."})
        without = json.loads(
            [i for i in sa.run_numcheck(0, iter([line]), numcheck_binary(), []) if i[0] == "out"][
                0
            ][3]
        )
        dated = json.loads(
            [
                i
                for i in sa.run_numcheck(
                    0, iter([line]), numcheck_binary(), ["--date", "2015-06-01"]
                )
                if i[0] == "out"
            ][0][3]
        )
        self.assertIsNone(without["date"])
        self.assertEqual(dated["date"], "2015-06-01")

    def test_a_failing_numcheck_fails_the_partition(self):
        lines = [json.dumps({"id": "x", "text": "Two cats."})]
        run = sa.run_numcheck(
            3, iter(lines), numcheck_binary(), ["--reference", "no-such-reference-directory"]
        )
        with self.assertRaises(RuntimeError) as caught:
            list(run)
        self.assertIn("partition 3", str(caught.exception))


class MisbehavingBinaryTest(unittest.TestCase):
    """The wrapper refuses a run that lost articles, whatever the binary says."""

    def stand_in(self, body):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        path = os.path.join(directory, "numcheck")
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, 0o755)
        return path

    LINES = [json.dumps({"id": "m%d" % i, "text": "%d ferries." % i}) for i in range(3)]

    def test_fewer_lines_than_articles(self):
        binary = self.stand_in('cat >/dev/null; echo \'{"id": "m0", "verdicts": []}\'')
        with self.assertRaisesRegex(
            RuntimeError, "partition 2: numcheck wrote 1 lines for 3 articles"
        ):
            list(sa.run_numcheck(2, iter(self.LINES), binary, []))

    def test_exit_code_2_without_an_error_line(self):
        answer = 'echo \'{"id": "m", "verdicts": []}\''
        binary = self.stand_in("cat >/dev/null; %s; %s; %s; exit 2" % (answer, answer, answer))
        with self.assertRaisesRegex(RuntimeError, "exited with code 2 without an error line"):
            list(sa.run_numcheck(0, iter(self.LINES), binary, []))

    def test_unknown_exit_code(self):
        binary = self.stand_in("cat >/dev/null; echo 'out of memory' >&2; exit 101")
        with self.assertRaisesRegex(
            RuntimeError, "partition 0: numcheck exited with code 101: out of memory"
        ):
            list(sa.run_numcheck(0, iter(self.LINES), binary, []))


if __name__ == "__main__":
    result = unittest.main(verbosity=1, exit=False).result
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    print("test_spark_audit: %d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(1 if failed or not result.testsRun else 0)
