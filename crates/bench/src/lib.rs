//! Benchmark inputs for liutu: generated flowcharts of any size.
//!
//! In: a node count. Out: Mermaid source. [`flowchart`] follows the recipe of the shared
//! benchmark generator (`../shared/bench/gen.py`): a connected random DAG with locality
//! (each node has a parent, and a second one with probability 0.3, from a window of about
//! 2√n earlier nodes), plus 4 % back edges that close real cycles, about 8 % labelled
//! edges, and labels of one to three mixed English / Chinese words. The random source is
//! a fixed xorshift, so every run and every machine sees the same text. The benchmarks
//! themselves are in `benches/pipeline.rs` (`cargo bench -p liutu-bench`).

const EN: [&str; 26] = [
    "Parse", "Load", "Config", "Cache", "Retry", "Auth", "Token", "Queue", "Worker", "Index",
    "Query", "Render", "Export", "Merge", "Split", "Validate", "Deploy", "Monitor", "Alert",
    "Backup", "Sync", "Fetch", "Build", "Test", "Report", "Log",
];
const ZH: [&str; 30] = [
    "需求", "设计", "实现", "部署", "监控", "缓存", "队列", "认证", "配置", "索引", "查询", "渲染",
    "导出", "合并", "校验", "告警", "备份", "同步", "构建", "测试", "报表", "日志", "优化", "迁移",
    "回调", "支付", "订单", "用户", "权限", "数据",
];
const EDGE_LABELS: [&str; 7] = [
    "ok",
    "失败",
    "retry 重试",
    "是",
    "否",
    "超时 timeout",
    "next",
];

/// A small deterministic random source (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform in `lo..hi` (`lo` when the range is empty).
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        if hi <= lo {
            lo
        } else {
            lo + (self.next() % (hi - lo) as u64) as usize
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }
}

fn label(rng: &mut Rng) -> String {
    let count = [1, 2, 2, 3][rng.range(0, 4)];
    let mut out = String::new();
    let mut prev_zh = false;
    for i in 0..count {
        let zh = rng.chance(0.5);
        let word = if zh {
            ZH[rng.range(0, ZH.len())]
        } else {
            EN[rng.range(0, EN.len())]
        };
        if i > 0 && !(zh && prev_zh) {
            out.push(' ');
        }
        out.push_str(word);
        prev_zh = zh;
    }
    out
}

/// Node count whose [`flowchart`] has just over 10,000 edges (10,028): the chart of
/// issue #3's target, "a 10,000-edge flowchart parses in under 10 ms".
pub const NODES_FOR_10K_EDGES: usize = 7_500;

/// A generated `flowchart TD` with `n` nodes (see the crate docs for the recipe).
pub fn flowchart(n: usize) -> String {
    let mut rng = Rng(0x5eed_0000_0000_0000 ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let labels: Vec<String> = (0..n).map(|_| label(&mut rng)).collect();
    let mut edges: Vec<(usize, usize, Option<&str>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let window = (((n as f64).sqrt() as usize) * 2).max(3);
    let mut add = |rng: &mut Rng, u: usize, v: usize, edges: &mut Vec<_>| {
        if u == v || !seen.insert((u, v)) {
            return false;
        }
        let text = rng
            .chance(0.08)
            .then(|| EDGE_LABELS[rng.range(0, EDGE_LABELS.len())]);
        edges.push((u, v, text));
        true
    };
    for v in 1..n {
        let lo = v.saturating_sub(window);
        let u = rng.range(lo, v);
        add(&mut rng, u, v, &mut edges);
        if v > 1 && rng.chance(0.3) {
            let u = rng.range(lo, v);
            add(&mut rng, u, v, &mut edges);
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v, _) in &edges {
        children[u].push(v);
    }
    let want_back = ((n as f64 * 0.04).round() as usize).max(2);
    let (mut back, mut tries) = (0, 0);
    while back < want_back && tries < 100 * n {
        tries += 1;
        let v = rng.range(0, n);
        if children[v].is_empty() {
            continue;
        }
        let mut u = v;
        for _ in 0..rng.range(1, 5) {
            if children[u].is_empty() {
                break;
            }
            u = children[u][rng.range(0, children[u].len())];
        }
        if !edges.iter().any(|&(a, b, _)| (a, b) == (v, u)) && add(&mut rng, u, v, &mut edges) {
            back += 1;
        }
    }
    let mut out = String::from("flowchart TD\n");
    for (i, l) in labels.iter().enumerate() {
        out.push_str(&format!("    n{i}[\"{l}\"]\n"));
    }
    for (u, v, text) in edges {
        match text {
            Some(t) => out.push_str(&format!("    n{u} -->|\"{t}\"| n{v}\n")),
            None => out.push_str(&format!("    n{u} --> n{v}\n")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_every_time_and_the_right_size() {
        assert_eq!(flowchart(100), flowchart(100));
        let text = flowchart(1000);
        let nodes = text.lines().filter(|l| l.contains("[\"")).count();
        let edges = text.lines().filter(|l| l.contains("-->")).count();
        assert_eq!(nodes, 1000);
        // About 1.3 edges per node plus 4 % back edges, as in the shared cases.
        assert!((1250..1450).contains(&edges), "{edges}");
    }

    #[test]
    fn the_10k_edge_chart_has_10k_edges() {
        let text = flowchart(NODES_FOR_10K_EDGES);
        let edges = text.lines().filter(|l| l.contains("-->")).count();
        assert!((10_000..10_100).contains(&edges), "{edges}");
    }
}
