package io.kitemq.store.internal;

import java.util.List;

/**
 * Keeps the store's mapped files from growing the broker's resident set with every byte ever
 * written. Each round takes out of the resident set ({@link PageResidency}):
 *
 * <ul>
 *   <li>commit-log pages that are flushed and lie more than {@code commitLogWindow} bytes behind
 *       the newest message (consumers that keep up read inside the window);
 *   <li>consume-queue pages more than {@value #CONSUME_QUEUE_WINDOW} bytes behind each queue's
 *       newest entry;
 *   <li>index files that are full, and the entries of the newest one more than {@value
 *       #INDEX_WINDOW} bytes behind its newest entry (its hash slots, written at random, stay).
 * </ul>
 *
 * A lagging consumer or a key query maps the pages it reads back from the page cache, and a later
 * round drops them again. Runs on the store's housekeeping thread.
 */
final class ResidentSetTrimmer {

  /** 64 KiB: 3,276 consume-queue entries a queue. */
  static final int CONSUME_QUEUE_WINDOW = 64 * 1024;

  /** 1 MiB: 52,428 index entries. */
  static final int INDEX_WINDOW = 1024 * 1024;

  private final MappedFileQueue commitLog;
  private final ConsumeQueueTable queues;
  private final IndexService index;
  private final long commitLogWindow;

  /**
   * @param index the index, or null when messages are not indexed
   * @param commitLogWindow bytes behind the newest message that stay resident
   */
  ResidentSetTrimmer(
      MappedFileQueue commitLog,
      ConsumeQueueTable queues,
      IndexService index,
      long commitLogWindow) {
    this.commitLog = commitLog;
    this.queues = queues;
    this.index = index;
    this.commitLogWindow = commitLogWindow;
  }

  /**
   * One round.
   *
   * @return the number of ranges given back (for tests and debug logs)
   */
  int trim() {
    if (!PageResidency.available()) {
      return 0;
    }
    int ranges = trimQueue(commitLog, commitLogWindow, true);
    for (ConsumeQueue cq : queues.all()) {
      ranges += trimQueue(cq.files(), CONSUME_QUEUE_WINDOW, false);
    }
    List<IndexFile> indexFiles = index == null ? List.of() : index.files();
    for (int i = 0; i < indexFiles.size(); i++) {
      IndexFile f = indexFiles.get(i);
      boolean newest = i == indexFiles.size() - 1;
      if (!newest || f.isFull()) {
        ranges += release(f.mappedFile(), 0, f.mappedFile().fileSize());
      } else {
        ranges += release(f.mappedFile(), f.entriesStart(), f.entriesEnd() - INDEX_WINDOW);
      }
    }
    return ranges;
  }

  /**
   * Releases, in each file of {@code q}, what lies more than {@code window} bytes behind the
   * queue's end (and, when {@code flushedOnly}, below the file's flushed position).
   */
  private static int trimQueue(MappedFileQueue q, long window, boolean flushedOnly) {
    long keepFrom = q.maxOffset() - window;
    int ranges = 0;
    for (MappedFile f : q.files()) {
      long end = Math.min(keepFrom - f.fileFromOffset(), f.fileSize());
      if (flushedOnly) {
        end = Math.min(end, f.flushedPosition());
      }
      if (end <= 0) {
        break;
      }
      ranges += release(f, 0, end);
    }
    return ranges;
  }

  private static int release(MappedFile f, long from, long to) {
    if (to - from < PageResidency.PAGE_SIZE || !f.hold()) {
      return 0;
    }
    try {
      return PageResidency.release(f.buffer(), from, to) ? 1 : 0;
    } finally {
      f.release();
    }
  }
}
