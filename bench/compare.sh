#!/usr/bin/env bash
# liutu against its peers, whole processes start to exit, on the shared benchmark cases.
# Never part of CI: a benchmark, not a test. Needs ../shared/bench (cases, DOT twins, the
# peers' install script and shims) beside this repository.
#
#   bench/compare.sh [CASE...]         default: every case in ../shared/bench/cases
#   RUNS=5 PEERS="mmdc mmdr ..." bench/compare.sh gen-flow-200
#   LIUTU=/tmp/liutu bench/compare.sh     (time a given binary, skip the build)
#
# - Installs the peers that are missing with ../shared/bench/install_peers.sh (as root;
#   6-8 minutes on a fresh machine): mmdc (mermaid-cli with the system Chromium), mmdr
#   (mermaid-rs-renderer, installed as mmdr-rs), mmdr-py (PyPI mmdr), bm (beautiful-mermaid),
#   mermaid-ascii, dot (Graphviz).
# - Builds liutu as it is shipped: `cargo build-static` (release, statically linked; see
#   .cargo/config.toml).
# - Times each (tool, case): one warm-up run, then RUNS runs (default 5; mmdc 3); when the
#   warm-up took over 10 s that single run is the sample. Peak RSS of the warm-up run from
#   /usr/bin/time (for mmdc the largest process, usually Chromium's, not their sum).
# - Prints one table of medians with each peer's ratio to liutu in the same kind of output:
#   SVG peers against `liutu -o X.svg`, text peers against `liutu X.mmd` (text art).
#   A ratio of 20x means liutu took a twentieth of that peer's time.
# Known to be pathological and skipped beyond 50 nodes: mermaid-ascii (42 s and 21 GB at
# 200 nodes, panics at 1000, see ../shared/bench/PEERS.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${SHARED_BENCH:-$repo/../shared/bench}
export PEERS_DIR=${PEERS_DIR:-$HOME/peers}
[ -d "$shared/cases" ] || { echo "no benchmark cases in $shared/cases" >&2; exit 1; }

need_install=0
command -v dot >/dev/null || need_install=1
command -v mmdr-rs >/dev/null || need_install=1
command -v mermaid-ascii >/dev/null || need_install=1
[ -x "$PEERS_DIR/node_modules/.bin/mmdc" ] || need_install=1
[ -d "$PEERS_DIR/node_modules/beautiful-mermaid" ] || need_install=1
if [ "$need_install" = 1 ]; then
  echo "installing the missing peers (several minutes) ..." >&2
  bash "$shared/install_peers.sh" >&2
fi

if [ -z "${LIUTU:-}" ]; then  # LIUTU=/path/to/liutu times that binary instead
  (cd "$repo" && cargo build-static >&2)
  LIUTU="$repo/target/release/liutu"
fi
export LIUTU

exec python3 - "$shared" "$@" <<'PY'
import os, platform, statistics, subprocess, sys, tempfile, threading, time
shared, wanted = sys.argv[1], sys.argv[2:]
cases_dir = os.path.join(shared, "cases")
peers_dir = os.environ["PEERS_DIR"]
liutu = os.environ["LIUTU"]
runs = int(os.environ.get("RUNS", "5"))
tmp = tempfile.mkdtemp(prefix="liutu-compare-")
cases = sorted(f[:-4] for f in os.listdir(cases_dir) if f.endswith(".mmd"))
if wanted:
    cases = [c for c in cases if c in wanted]

def nodes(case):
    digits = "".join(ch for ch in case.rsplit("-", 1)[-1] if ch.isdigit())
    return int(digits) if case.startswith("gen-flow-") and digits else 10

mmdc = os.path.join(peers_dir, "node_modules/.bin/mmdc")
# name: (kind, command for (case, mmd, dot, out)) ; kind "svg" or "txt"
TOOLS = {
    "liutu-txt": ("txt", lambda c, m, d, o: [liutu, m, "-o", o + ".txt"]),
    "liutu-svg": ("svg", lambda c, m, d, o: [liutu, m, "-o", o + ".svg"]),
    "mmdc": ("svg", lambda c, m, d, o: [mmdc, "-q", "-p", os.path.join(shared, "puppeteer.json"),
                                        "-c", os.path.join(shared, "mermaid-config.json"), "-i", m, "-o", o + ".svg"]),
    "mmdr": ("svg", lambda c, m, d, o: ["mmdr-rs", "-i", m, "-o", o + ".svg"]),
    "mmdr-py": ("svg", lambda c, m, d, o: ["mmdr", "-i", m, "-o", o + ".svg"]),
    "bm-svg": ("svg", lambda c, m, d, o: ["node", os.path.join(shared, "bm.mjs"), m, o + ".svg"]),
    "bm-txt": ("txt", lambda c, m, d, o: ["node", os.path.join(shared, "bm.mjs"), m, o + ".txt"]),
    "mermaid-ascii": ("txt", lambda c, m, d, o: ["mermaid-ascii", "-f", m]),
    "dot": ("svg", lambda c, m, d, o: ["dot", "-Tsvg", d, "-o", o + ".svg"] if d else None),
}
only = os.environ.get("PEERS")
names = [n for n in TOOLS if n.startswith("liutu") or not only or n in only.split()]

def once(cmd, rss=False):
    """Wall time, exit code, peak RSS (KiB, when asked: via /usr/bin/time, since a forked
    Python's own pages would count in wait4's figure) and the last stderr line."""
    memfile = os.path.join(tmp, "rss")
    if rss:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", memfile] + cmd
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err:
        # A blocking wait with a watchdog thread: Popen.wait(timeout=...) polls with
        # growing sleeps, which would round every time up to its polling steps. The
        # watchdog starts before the clock: starting a thread takes about 0.1 ms, which
        # would otherwise count in every tool's time.
        running = []
        killer = threading.Timer(300, lambda: [q.kill() for q in running])
        killer.start()
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=null, stderr=err)
        running.append(p)
        p.wait()
        elapsed = time.perf_counter() - start
        killer.cancel()
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
        # The line that says what went wrong, not the runtime's version banner after it.
        last = [l.strip() for l in lines if "Error" in l or "panic" in l or "fatal" in l][-1:] or lines[-1:]
    peak = 0
    if rss:
        try:
            peak = int(open(memfile).read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    message = last[0] if last else f"exit {p.returncode}"
    if 'msg="' in message:
        message = message.split('msg="', 1)[1].rstrip('"')
    return elapsed, p.returncode, peak, message.replace("|", "/")

def measure(cmd, count):
    """One warm-up (which also gives the peak RSS), then `count` timed runs; a warm-up over
    10 s is the only sample."""
    first, code, rss, err = once(cmd, rss=True)
    if code != 0:
        return None, rss, err[:70]
    times = [first]
    if first <= 10:
        times = []
        for _ in range(count):
            t, code, _, err = once(cmd)
            if code != 0:
                return None, rss, err[:70]
            times.append(t)
    return statistics.median(times), rss, ""

results = {}
for case in cases:
    mmd = os.path.join(cases_dir, case + ".mmd")
    dot = os.path.join(cases_dir, "dot", case + ".dot")
    dot = dot if os.path.exists(dot) else None
    for name in names:
        kind, make = TOOLS[name]
        cmd = make(case, mmd, dot, os.path.join(tmp, f"{case}.{name}"))
        if cmd is None:
            continue
        if name == "mermaid-ascii" and nodes(case) > 50:
            results[(case, name)] = (None, 0, "skipped (see PEERS.md)")
            continue
        if name == "mmdr-py" and nodes(case) >= 200:
            results[(case, name)] = (None, 0, "refuses >=200 nodes (work limit)")
            continue
        r = measure(cmd, 3 if name == "mmdc" else runs)
        results[(case, name)] = r
        t = f"{r[0]*1000:.1f} ms" if r[0] is not None else r[2]
        print(f"  {case:24} {name:14} {t}", file=sys.stderr, flush=True)

def fmt(t):
    return "—" if t is None else (f"{t*1000:.1f} ms" if t < 1 else f"{t:.2f} s")

cpu = "?"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
print(f"machine: {platform.system()} {platform.release()}, {os.cpu_count()} cores, {cpu}")
print(f"liutu: {subprocess.run([liutu, '--version'], capture_output=True, text=True).stdout.strip()}, "
      f"median of {runs} runs after a warm-up (mmdc 3), whole processes\n")
print("| case | " + " | ".join(names) + " |")
print("|---|" + "---|" * len(names))
for case in cases:
    row = [case]
    base = {k: results.get((case, f"liutu-{k}"), (None,))[0] for k in ("txt", "svg")}
    for name in names:
        r = results.get((case, name))
        if r is None:
            row.append("n/a"); continue
        t, rss, err = r
        if t is None:
            row.append(f"FAIL: {err}" if err else "—"); continue
        kind = TOOLS[name][0]
        mem = f" [{rss / 1024:.0f} MiB]"
        if name.startswith("liutu") or base[kind] is None:
            row.append(fmt(t) + mem)
        else:
            row.append(f"{fmt(t)}{mem} **{t / base[kind]:.1f}×**")
    print("| " + " | ".join(row) + " |")
print("\n**N×** = peer time / liutu time for the same kind of output (SVG or text art); [peak RSS].")
PY
