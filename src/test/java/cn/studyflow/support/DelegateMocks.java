package cn.studyflow.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Mockito mocks in place of a process's delegate beans, registered under their bean names for
 * {@link BpmnEngine}'s expression manager. Each mock remembers what the execution looked like while it ran
 * (the engine's execution object moves on after the call), so that a test can check it was called at the
 * right step of the right instance with the right variables.
 */
public final class DelegateMocks {

    /** What a delegate saw: the step it ran at, the instance's business key and id, and every variable. */
    public record Call(String activityId, String businessKey, String processInstanceId, Map<String, Object> variables) {

        public Object variable(String name) {
            return variables.get(name);
        }
    }

    private final Map<String, JavaDelegate> mocks = new HashMap<>();
    private final Map<String, List<Call>> calls = new HashMap<>();

    /** A mock that does nothing but remember its calls, registered as {@code beanName}. */
    public JavaDelegate register(String beanName) {
        return register(beanName, execution -> { });
    }

    /** A mock that remembers its calls and then does what {@code behaviour} does, as the real delegate would. */
    public JavaDelegate register(String beanName, Consumer<DelegateExecution> behaviour) {
        JavaDelegate delegate = mock(JavaDelegate.class, beanName);
        List<Call> seen = new ArrayList<>();
        try {
            doAnswer(invocation -> {
                DelegateExecution execution = invocation.getArgument(0);
                seen.add(new Call(execution.getCurrentActivityId(), execution.getProcessBusinessKey(),
                    execution.getProcessInstanceId(), new HashMap<>(execution.getVariables())));
                behaviour.accept(execution);
                return null;
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Mocks.register(beanName, delegate);
        mocks.put(beanName, delegate);
        calls.put(beanName, seen);
        return delegate;
    }

    public JavaDelegate get(String beanName) {
        return mocks.get(beanName);
    }

    /** The calls of the mock registered as {@code beanName}, in order. */
    public List<Call> calls(String beanName) {
        return calls.get(beanName);
    }

    /** Forgets every registration, so that the next test starts with none. */
    public static void reset() {
        Mocks.reset();
    }

    /**
     * The delegate ran once, at {@code activityId} of the instance of {@code businessKey}, and saw the object's id
     * in {@code idVariable}.
     */
    public void calledOnceAt(String delegate, String activityId, String businessKey, String idVariable, Object id) {
        org.assertj.core.api.Assertions.assertThat(calls(delegate)).singleElement().satisfies(call -> {
            org.assertj.core.api.Assertions.assertThat(call.activityId()).isEqualTo(activityId);
            org.assertj.core.api.Assertions.assertThat(call.businessKey()).isEqualTo(businessKey);
            org.assertj.core.api.Assertions.assertThat(call.variable(idVariable)).isEqualTo(id);
        });
    }
}
