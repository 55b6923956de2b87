package io.kitemq.common.message;

/** What a decoder does with a record's body. */
public enum BodyMode {
  /** Leave the body out (null); nothing is allocated for it. */
  SKIP,
  /** Copy the body as stored (compressed if SYSFLAG says so). */
  RAW,
  /**
   * Copy the body and, if SYSFLAG marks it compressed, decompress it and clear COMPRESSED_FLAG in
   * the decoded SYSFLAG (what a consumer sees).
   */
  DECOMPRESS
}
