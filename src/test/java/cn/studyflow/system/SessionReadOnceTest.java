package cn.studyflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyflow.support.IntegrationTest;
import cn.studyflow.system.SessionReadOnce.SavedInRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;

/**
 * A request reads its session row once: the second of Spring Session's two commits is answered with the session
 * the request has just saved, and no later request on the thread is ever answered from it.
 */
class SessionReadOnceTest extends IntegrationTest {

    /** A session store that counts its reads. */
    static final class CountingStore extends MapSessionRepository {
        final AtomicInteger reads = new AtomicInteger();

        CountingStore() {
            super(new ConcurrentHashMap<>());
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }
    }

    @SuppressWarnings("unchecked")
    static SessionRepository<MapSession> readOnce(CountingStore store) {
        ProxyFactory proxy = new ProxyFactory(store);
        proxy.addAdvice(new SavedInRequest());
        return (SessionRepository<MapSession>) proxy.getProxy();
    }

    @Test
    void aReadAfterTheSaveOfTheSameSessionIsAnsweredWithoutTheStore() {
        CountingStore store = new CountingStore();
        SessionRepository<MapSession> repository = readOnce(store);
        MapSession session = repository.createSession();
        session.setAttribute("who", "bq_member");
        try {
            repository.save(session);

            assertThat(repository.findById(session.getId())).isSameAs(session);
            assertThat(store.reads).hasValue(0);
            // another id goes to the store
            assertThat(repository.findById("someone-else")).isNull();
            assertThat(store.reads).hasValue(1);
        } finally {
            SavedInRequest.forget();
        }
        // after the request the store answers again
        assertThat(repository.findById(session.getId())).isNotSameAs(session).isNotNull();
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void aSessionEndedInTheRequestIsNotKept() {
        CountingStore store = new CountingStore();
        SessionRepository<MapSession> repository = readOnce(store);
        MapSession session = repository.createSession();
        repository.save(session);

        repository.deleteById(session.getId());

        assertThat(SavedInRequest.remembers()).isFalse();
        assertThat(repository.findById(session.getId())).isNull();
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void aRequestNeverSeesASessionSavedBeforeItOnItsThread() throws Exception {
        SessionRepository<MapSession> repository = readOnce(new CountingStore());
        repository.save(repository.createSession());
        boolean[] seen = new boolean[1];

        new SessionReadOnce.ForgetSaved().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
            (request, response) -> seen[0] = SavedInRequest.remembers());

        assertThat(seen[0]).as("what an earlier request saved, an error page's dispatch say").isFalse();
        assertThat(SavedInRequest.remembers()).isFalse();
    }

    @Test
    void nothingSavedIsLeftOnTheThreadWhenARequestEnds() throws Exception {
        // the page makes a session (for its CSRF token) and Spring Session saves it twice, the last time at the end of
        // its filter: the filter that forgets must run around it, or this thread would keep the session
        mvc.perform(get("/login"));

        assertThat(SavedInRequest.remembers()).isFalse();
    }
}
