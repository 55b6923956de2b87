package io.kitemq.client.internal;

import io.kitemq.common.message.MessageExt;
import java.util.List;

/** Hands pulled messages (already in the process queue) to the listener's threads. */
interface ConsumeDispatcher {

  void dispatch(PullRequest request, List<MessageExt> messages);

  /** Stops the consume threads, waiting briefly for running listeners. */
  void shutdown();
}
