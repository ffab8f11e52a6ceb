"""What `scripts/spark-audit` runs in each Spark partition, and the report it builds: plain
Python (standard library only), importable without Spark, tested by scripts/test_spark_audit.py.

- run_numcheck feeds one partition's JSON lines to `numcheck check --stream` and yields its
  output lines, each with the input line it answers;
- Audit counts those lines (by verdict, check, severity, fact source, claim kind, entity; the top
  inconsistent claims; every error line) and merges with other partitions' Audits;
- line_locator turns a partition's line into the archive file's line;
- render_markdown writes the report for a person.
"""

import collections
import json
import os
import subprocess
import threading

REPORT_VERSION = 1
NONE = "none"
# Most severe first; severities this module does not know rank after these.
SEVERITY_RANK = {"gross": 0, "error": 0, "minor": 1, "warning": 1, "note": 2}
DEFAULT_TOP = 20
DEFAULT_MAX_ERRORS = 1000


# ---------------------------------------------------------------------------------------------
# Aggregation: pure Python, no Spark
# ---------------------------------------------------------------------------------------------


def _field(obj, *path):
    """obj[path[0]][path[1]]…, or None when any step is missing or not an object."""
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def _label(value):
    """A counter key: strings as they are, missing or null as "none", anything else as JSON."""
    if value is None:
        return NONE
    if isinstance(value, str):
        return value if value else NONE
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _number(value):
    """A decimal string or number as a float, or None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None  # drop NaN


def _article_key(obj):
    """How an article is named in the report: its id, else its path."""
    if "id" in obj:
        return obj["id"]
    return obj.get("path")


def _sort_counts(counter):
    """A counter as a dict, largest count first, ties by key."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _inconsistent_sort_key(item):
    severity = item.get("severity") or NONE
    rank = SEVERITY_RANK.get(severity, 3 if severity != NONE else 4)
    gap = _number(item.get("gap_relative"))
    magnitude = -abs(gap) if gap is not None else float("inf")
    return (
        rank,
        magnitude,
        json.dumps(item.get("article"), sort_keys=True, ensure_ascii=False),
        item.get("start") if isinstance(item.get("start"), int) else -1,
        item.get("claim") or "",
    )


class Audit:
    """Counts over `numcheck check --stream` output lines; partial audits merge.

    Fields are used when present and counted as "none" when missing, so that the output of a
    newer numcheck (new checks, severities, fields) still aggregates. Lines that are error
    objects, or not JSON at all, are counted and listed; none is dropped.
    """

    def __init__(self, top=DEFAULT_TOP, max_errors=DEFAULT_MAX_ERRORS):
        self.top = top
        self.max_errors = max_errors
        self.totals = collections.Counter()
        self.by_verdict = collections.Counter()
        self.by_check = collections.Counter()
        self.by_severity = collections.Counter()
        self.by_source = collections.Counter()
        self.by_kind = collections.Counter()
        self.by_check_verdict = collections.defaultdict(collections.Counter)
        self.entities = collections.defaultdict(collections.Counter)
        self.inconsistent = []
        self.errors = []

    # -- adding -------------------------------------------------------------------------------

    def add_line(self, text, where=None):
        """Adds one output line. `where` is where its input came from (for error objects)."""
        self.totals["output_lines"] += 1
        try:
            obj = json.loads(text)
        except ValueError:
            self._add_error(
                {"error": "numcheck wrote a line that is not JSON", "output": text[:200]}, where
            )
            return
        if isinstance(obj, dict) and "error" in obj:
            self._add_error(obj, where)
        elif isinstance(obj, dict) and isinstance(obj.get("verdicts"), list):
            self._add_article(obj)
        else:
            message = "numcheck wrote a line that is neither an article nor an error"
            self._add_error({"error": message, "output": text[:200]}, where)

    def add_partition(self, meta):
        """Adds what one partition read (lines, bytes, articles) to the totals."""
        for key in ("input_lines", "input_bytes", "input_articles"):
            self.totals[key] += int(meta.get(key, 0))

    def _add_error(self, obj, where):
        self.totals["errors"] += 1
        if len(self.errors) < self.max_errors:
            record = dict(obj)
            record["_seq"] = self.totals["errors"]
            if where:
                record["_where"] = dict(where)
            self.errors.append(record)

    def _add_article(self, obj):
        self.totals["articles"] += 1
        article = _article_key(obj)
        has_inconsistent = False
        for verdict in obj["verdicts"]:
            if not isinstance(verdict, dict):
                self.totals["malformed_verdicts"] += 1
                continue
            if verdict.get("suppressed") is True:
                self.totals["suppressed"] += 1
                continue
            self._add_verdict(article, verdict)
            has_inconsistent |= verdict.get("verdict") == "inconsistent"
        if obj["verdicts"]:
            self.totals["articles_with_claims"] += 1
        if has_inconsistent:
            self.totals["articles_with_inconsistent"] += 1

    def _add_verdict(self, article, verdict):
        self.totals["claims"] += 1
        kind = _label(verdict.get("verdict"))
        check = _label(verdict.get("check"))
        self.by_verdict[kind] += 1
        self.by_check[check] += 1
        self.by_check_verdict[check][kind] += 1
        self.by_severity[_label(verdict.get("severity"))] += 1
        self.by_source[_label(_field(verdict, "fact", "source"))] += 1
        self.by_kind[_label(_field(verdict, "claim", "kind"))] += 1
        entity = _field(verdict, "fact", "entity")
        if entity is not None:
            self.entities[_label(entity)][kind] += 1
        if kind == "inconsistent":
            self.inconsistent.append(self._inconsistent_item(article, verdict))
            if len(self.inconsistent) > 4 * max(self.top, 1):
                self._trim_inconsistent()

    @staticmethod
    def _inconsistent_item(article, verdict):
        fact = verdict.get("fact") if isinstance(verdict.get("fact"), dict) else None
        return {
            "article": article,
            "claim": _field(verdict, "claim", "text"),
            "line": _field(verdict, "claim", "line"),
            "start": _field(verdict, "claim", "span", "start"),
            "kind": _field(verdict, "claim", "kind"),
            "severity": verdict.get("severity"),
            "check": verdict.get("check"),
            "summary": verdict.get("summary"),
            "suggestion": verdict.get("suggestion"),
            "gap_relative": _field(verdict, "gap", "relative"),
            "fact": None
            if fact is None
            else {k: fact.get(k) for k in ("id", "entity", "measure", "source")},
        }

    def _trim_inconsistent(self):
        self.inconsistent.sort(key=_inconsistent_sort_key)
        del self.inconsistent[self.top :]

    # -- merging ------------------------------------------------------------------------------

    def merge(self, other):
        """Adds another partial audit into this one and returns this one."""
        self.totals.update(other.totals)
        for mine, theirs in (
            (self.by_verdict, other.by_verdict),
            (self.by_check, other.by_check),
            (self.by_severity, other.by_severity),
            (self.by_source, other.by_source),
            (self.by_kind, other.by_kind),
        ):
            mine.update(theirs)
        for check, counts in other.by_check_verdict.items():
            self.by_check_verdict[check].update(counts)
        for entity, counts in other.entities.items():
            self.entities[entity].update(counts)
        self.inconsistent.extend(other.inconsistent)
        self._trim_inconsistent()
        self.errors.extend(other.errors)
        self.errors.sort(key=_error_sort_key)
        del self.errors[self.max_errors :]
        return self

    # -- reporting ----------------------------------------------------------------------------

    def report(self, locate=None):
        """The aggregated report as a JSON-ready dict.

        `locate(where)` turns an error's `_where` (partition and line within it) into
        `{"file", "line"}`; without it errors keep the partition and line.
        """
        self._trim_inconsistent()
        totals = {
            key: self.totals.get(key, 0)
            for key in (
                "input_lines",
                "input_bytes",
                "input_articles",
                "output_lines",
                "articles",
                "articles_with_claims",
                "articles_with_inconsistent",
                "claims",
                "suppressed",
                "errors",
            )
        }
        if self.totals.get("malformed_verdicts"):
            totals["malformed_verdicts"] = self.totals["malformed_verdicts"]
        entities = sorted(self.entities.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        return {
            "totals": totals,
            "by_verdict": _sort_counts(self.by_verdict),
            "by_check": _sort_counts(self.by_check),
            "by_severity": _sort_counts(self.by_severity),
            "by_source": _sort_counts(self.by_source),
            "by_kind": _sort_counts(self.by_kind),
            "by_check_verdict": {
                check: _sort_counts(self.by_check_verdict[check])
                for check in _sort_counts(self.by_check)
            },
            "top_entities": [
                {"entity": name, "claims": sum(counts.values()), "by_verdict": _sort_counts(counts)}
                for name, counts in entities[: self.top]
            ],
            "entities": len(self.entities),
            "top_inconsistent": [
                {k: v for k, v in item.items() if k != "start"} for item in self.inconsistent
            ],
            "errors": [locate_error(e, locate) for e in sorted(self.errors, key=_error_sort_key)],
            "errors_listed": len(self.errors),
        }


def _error_sort_key(error):
    where = error.get("_where") or {}
    return (where.get("partition", -1), where.get("line") or 0, error.get("_seq", 0))


def locate_error(error, locate):
    """An error object with its `_where` turned into "file"/"line" (or partition/line)."""
    record = {k: v for k, v in error.items() if k not in ("_where", "_seq")}
    where = error.get("_where")
    if not where:
        return record
    place = locate(where) if locate else None
    if place:
        old_line = record.get("line")
        record.update(place)
        message = record.get("error")
        if isinstance(message, str) and old_line is not None and place.get("file"):
            # numcheck names its standard input and the line there ("-: line 3: …")
            prefix = "-: line %s: " % old_line
            if message.startswith(prefix):
                record["error"] = "%s: line %s: %s" % (
                    place["file"],
                    place["line"],
                    message[len(prefix) :],
                )
    else:
        record["partition"] = where.get("partition")
        record["partition_line"] = where.get("line")
    return record


def aggregate(lines, top=DEFAULT_TOP, max_errors=DEFAULT_MAX_ERRORS):
    """An Audit over output lines (strings, or (text, where) pairs)."""
    audit = Audit(top=top, max_errors=max_errors)
    for line in lines:
        if isinstance(line, tuple):
            audit.add_line(*line)
        else:
            audit.add_line(line)
    return audit


def file_line_starts(splits, global_starts):
    """Partition index → how many lines of its file come before it.

    `splits` maps a partition index to `(file, start byte)` of the input split it reads;
    `global_starts` maps it to the number of input lines before it in partition order (Spark's
    zipWithIndex start indices; the last partition needs none). Partitions whose earlier splits
    have unknown sizes are left out.
    """
    sizes = {}
    for index in global_starts:
        if index + 1 in global_starts:
            sizes[index] = global_starts[index + 1] - global_starts[index]
    by_file = collections.defaultdict(list)
    for index, (path, start) in splits.items():
        by_file[path].append((start, index))
    starts = {}
    for parts in by_file.values():
        line = 0
        for _start, index in sorted(parts):
            if line is None:
                break
            starts[index] = line
            line = line + sizes[index] if index in sizes else None
    return starts


def line_locator(starts, splits):
    """A `locate(where)`: {"partition", "line" within it} → {"file", "line" within the file},
    or None when the partition is not in `starts` (see file_line_starts).
    """

    def locate(where):
        index = where.get("partition")
        if index not in starts or index not in splits or where.get("line") is None:
            return None
        return {"file": splits[index][0], "line": starts[index] + int(where["line"])}

    return locate


def relocate_output(text, where, locate):
    """A per-article output line with an error object's input place filled in."""
    if where is None or '"error"' not in text:
        return text
    try:
        obj = json.loads(text)
    except ValueError:
        return text
    if not isinstance(obj, dict) or "error" not in obj or "verdicts" in obj:
        return text
    obj["_where"] = where
    return json.dumps(locate_error(obj, locate), ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def _cell(value):
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _count_table(title, counts, total):
    lines = ["", "## " + title, ""]
    if not counts:
        return lines + ["(none)"]
    rows = [(k, str(v), "%.1f%%" % (100.0 * v / total) if total else "") for k, v in counts.items()]
    return lines + _table(["", "claims", "share"], rows)


def _run_lines(run):
    lines = []
    if run.get("input"):
        lines.append("- input: " + ", ".join("`%s`" % p for p in run["input"]))
    for key in (
        "output",
        "numcheck_version",
        "master",
        "partitions",
        "input_files",
        "spark_version",
    ):
        if run.get(key) not in (None, ""):
            lines.append("- %s: `%s`" % (key.replace("_", " "), run[key]))
    if run.get("numcheck_args"):
        lines.append("- numcheck options: `%s`" % " ".join(run["numcheck_args"]))
    if run.get("audit_seconds"):
        lines.append(
            "- audit: %.2f s, %.0f articles/s, %.2f MB/s of input (Spark start-up %.2f s more)"
            % (
                run["audit_seconds"],
                run.get("articles_per_second", 0),
                run.get("mb_per_second", 0),
                run.get("startup_seconds", 0),
            )
        )
    direct = run.get("direct")
    if direct:
        lines.append(
            "- `numcheck check --stream` directly, same input: %.2f s, %.0f articles/s, %.2f MB/s; "
            "per-article output identical: %s"
            % (
                direct["seconds"],
                direct["articles_per_second"],
                direct["mb_per_second"],
                direct["identical"],
            )
        )
    return lines


def _error_line(error):
    """`file:line (id …): message` for the Markdown report."""
    message = (
        error.get("error")
        if isinstance(error.get("error"), str)
        else json.dumps(error.get("error"))
    )
    if "file" in error:
        place = "%s:%s" % (error["file"], error.get("line"))
        prefix = "%s: line %s: " % (error["file"], error.get("line"))
        message = message[len(prefix) :] if message.startswith(prefix) else message
    elif "partition" in error:
        place = "partition %s, line %s" % (error["partition"], error.get("partition_line"))
    elif "line" in error:
        place = "line %s" % error["line"]
    else:
        place = ""
    if "id" in error:
        place += (" " if place else "") + "(id %s)" % json.dumps(error["id"], ensure_ascii=False)
    if "output" in error:
        message += ": " + error["output"]
    return _cell((place + ": " if place else "") + message)


def render_markdown(report):
    """The report as Markdown."""
    totals = report["totals"]
    out = ["# numcheck archive audit", ""]
    out += _run_lines(report.get("run", {}))
    out += ["", "## Totals", ""]
    out += _table(["", "count"], [(k.replace("_", " "), str(v)) for k, v in totals.items()])
    claims = totals.get("claims", 0)
    out += _count_table("By verdict", report["by_verdict"], claims)
    out += _count_table("By check", report["by_check"], claims)
    out += _count_table("By severity", report["by_severity"], claims)
    out += _count_table("By fact source", report["by_source"], claims)
    out += _count_table("By claim kind", report["by_kind"], claims)
    out += ["", "## Verdicts by check", ""]
    verdicts = list(report["by_verdict"])
    rows = [
        [check] + [str(report["by_check_verdict"].get(check, {}).get(v, 0)) for v in verdicts]
        for check in report["by_check"]
    ]
    out += _table(["check"] + verdicts, rows) if rows else ["(none)"]
    out += ["", "## Most-cited entities (%d in all)" % report.get("entities", 0), ""]
    rows = [
        (e["entity"], str(e["claims"]), ", ".join("%s %d" % kv for kv in e["by_verdict"].items()))
        for e in report["top_entities"]
    ]
    out += _table(["entity", "claims", "verdicts"], rows) if rows else ["(none)"]
    out += ["", "## Top inconsistent claims", ""]
    rows = [
        (
            i["article"],
            i.get("line"),
            i["claim"],
            i.get("severity"),
            i.get("check"),
            i.get("summary"),
            i.get("suggestion"),
            (i.get("fact") or {}).get("source"),
        )
        for i in report["top_inconsistent"]
    ]
    header = ["article", "line", "claim", "severity", "check", "summary", "suggestion", "source"]
    out += _table(header, rows) if rows else ["(none)"]
    out += ["", "## Errors (%d)" % totals.get("errors", 0), ""]
    out += ["- " + _error_line(error) for error in report["errors"]]
    if totals.get("errors", 0) > report.get("errors_listed", 0):
        out.append(
            '- … %d more: every error line is in `articles/` (lines with an "error" field)'
            % (totals["errors"] - report["errors_listed"])
        )
    if not report["errors"]:
        out.append("(none)")
    return "\n".join(out) + "\n"


def exit_code(report, fail_on):
    """numcheck's convention: 2 unreadable input lines, 1 findings at the fail level, else 0."""
    if report["totals"].get("errors", 0):
        return 2
    verdicts = report["by_verdict"]
    if fail_on == "inconsistent":
        return 1 if verdicts.get("inconsistent", 0) else 0
    if fail_on == "unverifiable":
        found = sum(verdicts.get(k, 0) for k in ("inconsistent", "ambiguous", "unverifiable"))
        return 1 if found else 0
    return 0


# ---------------------------------------------------------------------------------------------
# numcheck in a partition (runs on the executors)
# ---------------------------------------------------------------------------------------------


def resolve_binary(spec):
    """The numcheck executable on this node: ("shipped", name) via SparkFiles, else a path."""
    how, value = spec
    if how != "shipped":
        return value
    from pyspark import SparkFiles

    path = SparkFiles.get(value)
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def _feed(proc, lines, counts, article_lines, failure):
    """Writes the partition's lines to numcheck's standard input (a thread)."""
    try:
        for number, line in enumerate(lines, start=1):
            data = line.encode("utf-8") + b"\n"
            counts["input_lines"] = number
            counts["input_bytes"] += len(data)
            if line.strip():
                article_lines.append(number)
            proc.stdin.write(data)
        proc.stdin.close()
    except BrokenPipeError:
        failure.append("numcheck closed its input early")
    except Exception as err:  # noqa: BLE001 - reported by the caller
        failure.append("reading the partition failed: %r" % (err,))
        proc.kill()


def _drain(stream, tail):
    for raw in stream:
        line = raw.decode("utf-8", "replace").strip()
        if line:
            tail.append(line)


def is_error_line(text):
    if '"error"' not in text:
        return False
    try:
        obj = json.loads(text)
    except ValueError:
        return False
    return isinstance(obj, dict) and "error" in obj and "verdicts" not in obj


def run_numcheck(index, lines, binary, args):
    """Feeds one partition's lines to `numcheck check --stream`; yields its output.

    Yields ("out", index, where, text) per output line, `where` being {"partition", "line"}
    (the line within the partition that the output answers), then ("meta", index, counts).
    Raises when numcheck fails or answers fewer lines than it was given articles.
    """
    command = [binary, "check", "--stream"] + list(args)
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    counts = collections.Counter(input_lines=0, input_bytes=0)
    article_lines, failure = [], []
    stderr_tail = collections.deque(maxlen=20)
    feeder = threading.Thread(
        target=_feed, args=(proc, lines, counts, article_lines, failure), daemon=True
    )
    drainer = threading.Thread(target=_drain, args=(proc.stderr, stderr_tail), daemon=True)
    feeder.start()
    drainer.start()
    outputs = errors = 0
    try:
        for raw in proc.stdout:
            text = raw.decode("utf-8", "replace").rstrip("\n")
            line = article_lines[outputs] if outputs < len(article_lines) else None
            outputs += 1
            if is_error_line(text):
                errors += 1
                stated = _field(json.loads(text), "line")
                line = stated if isinstance(stated, int) else line
            yield ("out", index, {"partition": index, "line": line}, text)
        feeder.join()
        drainer.join()
        code = proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    _check_run(index, code, errors, outputs, len(article_lines), failure, stderr_tail)
    counts["input_articles"] = len(article_lines)
    counts["output_lines"] = outputs
    yield ("meta", index, dict(counts))


def _check_run(index, code, errors, outputs, articles, failure, stderr_tail):
    """Raises unless numcheck ran to the end and answered every article."""
    problem = None
    if failure:
        problem = failure[0]
    elif code not in (0, 1, 2):
        problem = "numcheck exited with code %d" % code
    elif code == 2 and errors == 0:
        problem = "numcheck exited with code 2 without an error line"
    elif outputs < articles:
        problem = "numcheck wrote %d lines for %d articles" % (outputs, articles)
    if problem:
        tail = "; ".join(stderr_tail)
        raise RuntimeError("partition %d: %s%s" % (index, problem, (": " + tail) if tail else ""))


def audited_outputs(items, audit, locate):
    """The output lines of run_numcheck's items, error lines placed by `locate`; each line and
    each partition's counts are added to `audit` on the way.
    """
    for item in items:
        if item[0] == "meta":
            audit.add_partition(item[2])
        else:
            audit.add_line(item[3], item[2])
            yield relocate_output(item[3], item[2], locate)


class AuditAccumulator:
    """A Spark AccumulatorParam (by its two methods) that merges partial audits."""

    def zero(self, value):
        return Audit(top=value.top, max_errors=value.max_errors)

    def addInPlace(self, value1, value2):
        return value1.merge(value2)
