package cn.studyflow.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One read of the session row a request. Spring Session commits a request's session twice, when the answer is
 * committed and again at the end of its filter, and the second commit, having forgotten the session it read at the
 * start, reads the row again only to compare its id with the one the cookie asked for. Here the session repository
 * answers that second read with the session the same request has just saved. What a request saved is kept for that
 * request alone, on its thread: a filter around Spring Session's forgets it when the request ends, whatever
 * happened; a session ended in the request (logged out, or a person's sessions ended by an administrator) is not
 * kept.
 */
@Configuration(proxyBeanMethods = false)
class SessionReadOnce {

    /** Spring Session JDBC's repository, behind {@link SavedInRequest}; the same bean for everyone who uses it. */
    @Bean
    static BeanPostProcessor sessionReadOnceRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice(new SavedInRequest());
                return proxy.getProxy();
            }
        };
    }

    @Bean
    FilterRegistrationBean<ForgetSaved> sessionReadOnceFilter() {
        FilterRegistrationBean<ForgetSaved> registration = new FilterRegistrationBean<>(new ForgetSaved());
        // outside Spring Session's filter, so that both of its commits happen inside, on every dispatch it runs on
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Remembers the session its thread saved last, and answers a read of the same id with it. */
    static final class SavedInRequest implements MethodInterceptor {

        private static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Object[] args = invocation.getArguments();
            switch (invocation.getMethod().getName()) {
                case "findById" -> {
                    Session saved = SAVED.get();
                    if (saved != null && saved.getId().equals(args[0]) && !saved.isExpired()) {
                        return saved;
                    }
                    return invocation.proceed();
                }
                case "save" -> {
                    Object result = invocation.proceed();
                    SAVED.set((Session) args[0]);
                    return result;
                }
                case "deleteById" -> {
                    SAVED.remove();
                    return invocation.proceed();
                }
                default -> {
                    return invocation.proceed();
                }
            }
        }

        /** Forgets what this thread saved: the start and the end of a request. */
        static void forget() {
            SAVED.remove();
        }

        /** Whether this thread still remembers a saved session (none once a request has ended). */
        static boolean remembers() {
            return SAVED.get() != null;
        }
    }

    /**
     * Forgets the saved session when a request starts and when it ends, so that no request on the thread ever sees
     * one that another request saved (an error page's dispatch saves the session again after the request's end).
     */
    static final class ForgetSaved extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            SavedInRequest.forget();
            try {
                chain.doFilter(request, response);
            } finally {
                SavedInRequest.forget();
            }
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }
}
