//! A bucket queue for A*: priorities are small whole numbers that never decrease while
//! searching (the heuristic is consistent), so an array of buckets beats a binary heap.
//!
//! In: `(priority, g, state)` entries. Out: the entry with the lowest priority; among
//! equal priorities the last pushed, which is usually the deepest — fewer ties explored.

/// Entries bucketed by priority, reused across searches.
#[derive(Debug, Default)]
pub struct BucketQueue {
    buckets: Vec<Vec<(u32, u32)>>,
    /// The priority of `buckets[0]`.
    base: u32,
    /// The lowest bucket that may be non-empty.
    cursor: usize,
}

impl BucketQueue {
    /// Empties the queue, keeping its memory; `base` is the lowest priority to come.
    pub fn reset(&mut self, base: u32) {
        for bucket in &mut self.buckets {
            bucket.clear();
        }
        self.base = base;
        self.cursor = 0;
    }

    /// Adds an entry; priorities below the current one are treated as the current one.
    pub fn push(&mut self, priority: u32, g: u32, state: u32) {
        let index = (priority.saturating_sub(self.base) as usize).max(self.cursor);
        if index >= self.buckets.len() {
            self.buckets.resize_with(index + 1, Vec::new);
        }
        self.buckets[index].push((g, state));
    }

    /// Takes the entry with the lowest priority.
    pub fn pop(&mut self) -> Option<(u32, u32)> {
        while self.cursor < self.buckets.len() {
            if let Some(entry) = self.buckets[self.cursor].pop() {
                return Some(entry);
            }
            self.cursor += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_lowest_first_and_last_pushed_among_equals() {
        let mut q = BucketQueue::default();
        q.reset(10);
        q.push(12, 1, 100);
        q.push(10, 2, 200);
        q.push(12, 3, 300);
        assert_eq!(q.pop(), Some((2, 200)));
        assert_eq!(q.pop(), Some((3, 300)));
        assert_eq!(q.pop(), Some((1, 100)));
        assert_eq!(q.pop(), None);
        q.reset(0);
        assert_eq!(q.pop(), None);
    }
}
