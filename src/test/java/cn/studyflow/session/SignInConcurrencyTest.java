package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real threads against the database: twenty members in the same instant each count once, and so does a double submit. */
class SignInConcurrencyTest extends SignInTest {

    static final int THREADS = 20;

    @Test
    void twentyMembersSigningInAtOnceAllCountOnce() throws Exception {
        SignInTown town = newTown(THREADS);
        long session = town.session(now(), town.members().toArray(CurrentUser[]::new));
        signIn.open(town.secretary(), session);
        String code = code(town, session);

        List<Object> outcomes = atOnce(town.members().stream()
            .map(m -> (Callable<Object>) () -> signIn.signIn(m, session, code)).toList());

        assertThat(outcomes).as("every one signed in").allMatch(o -> o instanceof SignInService.SignedIn);
        assertThat(roster.of(session)).hasSize(THREADS).allMatch(e -> e.getAttendance() == Attendance.PRESENT);
        assertThat(signIn.state(town.secretary(), session).present()).isEqualTo(THREADS);
    }

    @Test
    void oneMemberSubmittingTwentyTimesAtOnceCountsOnceAndIsToldOfTheFirst() throws Exception {
        SignInTown town = newTown(1);
        CurrentUser member = town.member(0);
        long session = town.session(now(), member);
        signIn.open(town.secretary(), session);
        String code = code(town, session);

        List<Object> outcomes = atOnce(Collections.nCopies(THREADS,
            (Callable<Object>) () -> signIn.signIn(member, session, code)));

        assertThat(outcomes.stream().filter(o -> o instanceof SignInService.SignedIn)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o instanceof BusinessException b && b.getMessageKey().equals("signin.already")))
            .hasSize(THREADS - 1);
        assertThat(attendance(session, member)).isEqualTo(Attendance.PRESENT);
    }

    /** Runs each call on a thread of its own, all released by one latch; a refusal is returned, not thrown. */
    private static List<Object> atOnce(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return call.call();
                    } catch (BusinessException refused) {
                        return refused;
                    }
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
