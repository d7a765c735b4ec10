package cn.studyflow.task;

import cn.studyflow.common.SubjectRef;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.common.BusinessException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * Every feature's {@link SubjectProvider} by its subject type, built once at start-up. The features depend on
 * the tasklist and supply their providers back to it; the map is filled when all beans exist, which breaks
 * that cycle in this one place. The view of a business object on a task page and on the status page of its
 * instance is assembled here.
 */
@Service
@RequiredArgsConstructor
public class SubjectRegistry implements SmartInitializingSingleton {

    private final ObjectProvider<SubjectProvider> found;
    private final ActionLog actionLog;
    private volatile Map<String, SubjectProvider> byType;

    /** Builds the map once every bean exists, so that a duplicate type stops the start-up. */
    @Override
    public void afterSingletonsInstantiated() {
        byType();
    }

    private Map<String, SubjectProvider> byType() {
        Map<String, SubjectProvider> map = byType;
        if (map == null) {
            synchronized (this) {
                if (byType == null) {
                    byType = build();
                }
                map = byType;
            }
        }
        return map;
    }

    private Map<String, SubjectProvider> build() {
        Map<String, SubjectProvider> map = new HashMap<>();
        found.orderedStream().forEach(p -> {
            SubjectProvider before = map.put(p.subjectType().type(), p);
            if (before != null) {
                throw new IllegalStateException("Two providers for subject type " + p.subjectType().type() + ": "
                    + before.getClass().getName() + " and " + p.getClass().getName());
            }
        });
        return Map.copyOf(map);
    }

    /** The provider of a subject type; 404 for a type no feature declares. */
    public SubjectProvider provider(String type) {
        SubjectProvider provider = type == null ? null : byType().get(type);
        if (provider == null) {
            throw BusinessException.notFound();
        }
        return provider;
    }

    /** Whether a feature declares this subject type. */
    public boolean knows(String type) {
        return type != null && byType().containsKey(type);
    }

    public SubjectProvider provider(SubjectRef subject) {
        return provider(subject.type());
    }

    /** The page of the object. */
    public String link(SubjectRef subject) {
        return provider(subject).subjectType().link(subject.id());
    }

    /** The organisation that owns the object, or null when there is no such object. */
    public Long orgId(SubjectRef subject) {
        return provider(subject).orgId(subject.id());
    }

    /** Refuses (409) a step on an object of a closed study year; an unknown type or object passes. */
    public void requireOpenYear(SubjectRef subject) {
        SubjectProvider provider = byType().get(subject.type());
        if (provider != null) {
            provider.requireOpenYear(subject.id());
        }
    }

    /** Whether this person may read the object, by its feature's own rule; false for an unknown object. */
    public boolean canSee(SubjectRef subject, CurrentUser user) {
        SubjectProvider provider = byType().get(subject.type());
        return provider != null && provider.canSee(subject.id(), user);
    }

    /** Outside one's reach is answered like what does not exist: 404. */
    public void requireVisible(SubjectRef subject, CurrentUser user) {
        if (!canSee(subject, user)) {
            throw BusinessException.notFound();
        }
    }

    /** What a page shows of the object: its fragment with its model, its link and its history. */
    public SubjectView view(SubjectRef subject, CurrentUser user) {
        SubjectProvider provider = provider(subject);
        SubjectType type = provider.subjectType();
        return new SubjectView(type.link(subject.id()), type.fragment(), provider.model(subject.id(), user),
            actionLog.timeline(subject));
    }

    /** The view of a business object for a page: the model attributes the subject fragments expect. */
    public record SubjectView(String link, String fragment, Map<String, Object> model, List<Action> timeline) {

        public Map<String, Object> attributes() {
            Map<String, Object> attributes = new HashMap<>(model);
            attributes.put("subjectLink", link);
            attributes.put("subjectFragment", fragment);
            attributes.put("timeline", timeline);
            return attributes;
        }
    }
}
