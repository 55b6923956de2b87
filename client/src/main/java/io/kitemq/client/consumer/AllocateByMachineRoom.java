package io.kitemq.client.consumer;

import io.kitemq.common.message.MessageQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Only queues of brokers in the given machine rooms, where a broker name reads {@code room@name};
 * those queues are split in blocks of {@code k/c}, the remainder dealt one each to the first
 * members.
 */
public final class AllocateByMachineRoom implements AllocateStrategy {

  private final Set<String> rooms;

  public AllocateByMachineRoom(Set<String> rooms) {
    this.rooms = Set.copyOf(rooms);
  }

  @Override
  public List<MessageQueue> allocate(
      String currentId, List<MessageQueue> queues, List<String> memberIds) {
    int i = memberIds.indexOf(currentId);
    List<MessageQueue> out = new ArrayList<>();
    if (i < 0) {
      return out;
    }
    List<MessageQueue> inRooms =
        queues.stream()
            .filter(
                q -> {
                  String[] parts = q.brokerName().split("@", 2);
                  return parts.length == 2 && rooms.contains(parts[0]);
                })
            .toList();
    int c = memberIds.size();
    int block = inRooms.size() / c;
    int rem = inRooms.size() % c;
    out.addAll(inRooms.subList(block * i, block * i + block));
    if (i < rem) {
      out.add(inRooms.get(block * c + i));
    }
    return out;
  }

  @Override
  public String name() {
    return "MACHINE_ROOM";
  }
}
