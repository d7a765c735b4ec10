package cn.studyflow.workflow;

import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** The Spring beans of StudyFlow's own packages that a service task may call: every {@code JavaDelegate} under {@code cn.studyflow}. */
@Component
@RequiredArgsConstructor
public class Delegates {

    private static final String OWN_PACKAGE = "cn.studyflow.";

    private final ListableBeanFactory beans;

    /** Bean names, sorted. */
    public List<String> beanNames() {
        return Arrays.stream(beans.getBeanNamesForType(JavaDelegate.class, false, false))
            .filter(name -> {
                Class<?> type = beans.getType(name, false);
                return type != null && ClassUtils.getUserClass(type).getName().startsWith(OWN_PACKAGE);
            })
            .sorted()
            .toList();
    }

    /** Whether a name is any Spring bean at all, which an expression could reach through the engine. */
    public boolean isBean(String name) {
        return beans.containsBean(name);
    }
}
