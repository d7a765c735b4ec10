package cn.studyflow.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How one topic differs between two revisions of a plan. */
public record TopicDiff(int topicKey, Change change, PlanTopic from, PlanTopic to, List<String> changedFields) {

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** Compares two revisions topic by topic, in the order of the newer one, removed topics last. */
    public static List<TopicDiff> compare(List<PlanTopic> older, List<PlanTopic> newer) {
        Map<Integer, PlanTopic> before = new LinkedHashMap<>();
        older.forEach(t -> before.put(t.getTopicKey(), t));
        List<TopicDiff> result = new ArrayList<>();
        for (PlanTopic t : newer) {
            PlanTopic old = before.remove(t.getTopicKey());
            if (old == null) {
                result.add(new TopicDiff(t.getTopicKey(), Change.ADDED, null, t, List.of()));
            } else {
                List<String> fields = changedFields(old, t);
                result.add(new TopicDiff(t.getTopicKey(), fields.isEmpty() ? Change.UNCHANGED : Change.CHANGED, old, t, fields));
            }
        }
        before.values().forEach(t -> result.add(new TopicDiff(t.getTopicKey(), Change.REMOVED, t, null, List.of())));
        return result;
    }

    private static List<String> changedFields(PlanTopic a, PlanTopic b) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(a.getTopicMonth(), b.getTopicMonth())) {
            fields.add("month");
        }
        if (!Objects.equals(a.getTitle(), b.getTitle())) {
            fields.add("title");
        }
        if (a.getFormat() != b.getFormat()) {
            fields.add("format");
        }
        if (!Objects.equals(a.getSpeaker(), b.getSpeaker())) {
            fields.add("speaker");
        }
        if (a.isEnlarged() != b.isEnlarged() || !Objects.equals(a.getParticipants(), b.getParticipants())) {
            fields.add("enlarged");
        }
        return fields;
    }

    public boolean changed(String field) {
        return changedFields.contains(field);
    }
}
