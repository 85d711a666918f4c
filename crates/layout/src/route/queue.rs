//! A bucket queue for A*: priorities are small whole numbers that never decrease while
//! searching (the heuristic is consistent), and never run further ahead of the lowest
//! waiting one than the dearest step, so a small ring of buckets beats a binary heap.
//!
//! In: `(priority, g, state)` entries. Out: the entry with the lowest priority; among
//! equal priorities the last pushed, which is usually the deepest — fewer ties explored.

/// Entries bucketed by priority in a ring, reused across searches.
#[derive(Debug, Default)]
pub struct BucketQueue {
    /// A power of two of buckets; bucket `(cursor + k) & mask` holds priority
    /// `current + k`.
    buckets: Vec<Vec<(u32, u32)>>,
    /// The priority of the bucket at `cursor`, the lowest that may be non-empty.
    current: u32,
    cursor: usize,
    len: usize,
}

impl BucketQueue {
    /// Empties the queue, keeping its memory. `base` is the lowest priority to come, and
    /// no entry will be pushed more than `span` above the lowest one waiting.
    pub fn reset(&mut self, base: u32, span: u32) {
        let size = (span as usize + 1).next_power_of_two();
        if self.buckets.len() < size {
            self.buckets.resize_with(size, Vec::new);
        }
        for bucket in &mut self.buckets {
            bucket.clear();
        }
        self.current = base;
        self.cursor = 0;
        self.len = 0;
    }

    /// Adds an entry; priorities below the current one are treated as the current one.
    pub fn push(&mut self, priority: u32, g: u32, state: u32) {
        let mask = self.buckets.len() - 1;
        let ahead = priority.saturating_sub(self.current) as usize;
        debug_assert!(ahead <= mask, "priority {priority} beyond the queue's span");
        self.buckets[(self.cursor + ahead.min(mask)) & mask].push((g, state));
        self.len += 1;
    }

    /// Takes the entry with the lowest priority.
    pub fn pop(&mut self) -> Option<(u32, u32)> {
        if self.len == 0 {
            return None;
        }
        let mask = self.buckets.len() - 1;
        loop {
            if let Some(entry) = self.buckets[self.cursor].pop() {
                self.len -= 1;
                return Some(entry);
            }
            self.cursor = (self.cursor + 1) & mask;
            self.current += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_lowest_first_and_last_pushed_among_equals() {
        let mut q = BucketQueue::default();
        q.reset(10, 4);
        q.push(12, 1, 100);
        q.push(10, 2, 200);
        q.push(12, 3, 300);
        assert_eq!(q.pop(), Some((2, 200)));
        assert_eq!(q.pop(), Some((3, 300)));
        assert_eq!(q.pop(), Some((1, 100)));
        assert_eq!(q.pop(), None);
        q.reset(0, 4);
        assert_eq!(q.pop(), None);
    }

    #[test]
    fn wraps_around_its_ring() {
        let mut q = BucketQueue::default();
        q.reset(0, 3);
        let mut popped = Vec::new();
        q.push(0, 0, 0);
        // Each pop pushes the next two priorities, as a search does: far past the ring.
        while let Some((g, s)) = q.pop() {
            popped.push(g);
            if g < 20 {
                q.push(g + 3, g + 3, s);
                q.push(g + 1, g + 1, s);
            }
        }
        assert!(popped.windows(2).all(|w| w[0] <= w[1]), "{popped:?}");
        assert_eq!(popped.first(), Some(&0));
        assert!(popped.contains(&20));
    }
}
