package cn.studyflow.system;

import java.util.List;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.MethodMetadata;
import org.springframework.stereotype.Component;

/**
 * Start-up does not build what only its own requests need (issue 19, start-up): the beans of springdoc, which
 * describe the API at /v3/api-docs, are created on that page's first request instead of at every start. A bean
 * of theirs that another needs at start-up (Spring MVC collects some by type) is still created then, and so are
 * their configuration classes (see {@link #isConfiguration}).
 */
@Component
class LazyLibraryBeans implements BeanFactoryPostProcessor {

    /** Where the beans come from: their class, or the configuration class whose method makes them. */
    static final List<String> PACKAGES = List.of("org.springdoc.");

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        for (String name : factory.getBeanDefinitionNames()) {
            BeanDefinition definition = factory.getBeanDefinition(name);
            String origin = origin(definition);
            if (origin != null && PACKAGES.stream().anyMatch(origin::startsWith) && !isConfiguration(definition)) {
                definition.setLazyInit(true);
            }
        }
    }

    /**
     * A configuration class itself stays eager: springdoc sets rules in their static initialisers (that the
     * signed-in person, {@code @AuthenticationPrincipal}, is no parameter of the API), which run only when the
     * class is instantiated. Its bean methods stay lazy; the class costs nothing to create.
     */
    static boolean isConfiguration(BeanDefinition definition) {
        return definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() == null
            && annotated.getMetadata().isAnnotated(Configuration.class.getName());
    }

    static String origin(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                return factoryMethod.getDeclaringClassName();
            }
        }
        return definition.getBeanClassName();
    }
}
