package cn.studyflow.modeler;

import cn.studyflow.workflow.Delegates;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * StudyFlow's registered delegates, the only code a deployed diagram may call, each described by the key
 * {@code delegate.<beanName>} of the modeler bundle.
 */
@Component
@RequiredArgsConstructor
class DelegateCatalog {

    private final Delegates delegates;
    private final MessageSource messages;
    private volatile List<String> names;

    record Delegate(String beanName, String description) {
    }

    List<String> names() {
        List<String> result = names;
        if (result == null) {
            // the beans are fixed once the context has started, so the first look-up stays true
            result = delegates.beanNames();
            names = result;
        }
        return result;
    }

    boolean isRegistered(String beanName) {
        return names().contains(beanName);
    }

    List<Delegate> describe(Locale locale) {
        return names().stream()
            .map(name -> new Delegate(name, messages.getMessage("delegate." + name, null, name, locale)))
            .toList();
    }
}
