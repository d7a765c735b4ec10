package cn.studyflow.support;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Supplier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * A person's step whose delegate runs in the step's own transaction and fails: the person is told that nothing
 * was saved (503, never 500), nothing changed, and the same action succeeds once the cause is fixed.
 */
public final class StepFailures {

    /** What the person reads (task.stepFailed in zh-CN). */
    public static final String TOLD = "这一步的自动处理出错，您的操作没有保存";

    private StepFailures() {
    }

    public static void failThenSucceed(MockMvc mvc, Supplier<RequestBuilder> action, Runnable unchanged, Runnable fix,
                                       ResultMatcher done) throws Exception {
        mvc.perform(action.get()).andExpect(status().isServiceUnavailable())
            .andExpect(header().exists("Retry-After"))
            .andExpect(content().string(containsString(TOLD)));
        unchanged.run();
        fix.run();
        mvc.perform(action.get()).andExpect(done);
    }
}
