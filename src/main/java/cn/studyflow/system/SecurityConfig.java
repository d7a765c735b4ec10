package cn.studyflow.system;

import cn.studyflow.admin.BearerTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains: the JSON API (a personal access token, HTTP Basic or the page session) and the pages (form
 * login). CSRF is on everywhere except for API calls that carry their own credentials (a bearer token or Basic),
 * which a foreign site cannot forge. A token never opens a page: only the API's chain reads it.
 */
@Configuration
class SecurityConfig {

    // A material read in the page needs nothing more: pdf.js's worker (/vendor/pdf.worker.min.mjs) runs under
    // script-src 'self' (worker-src falls back to it) and fetches the file from the same origin; docx-preview
    // inlines pictures and fonts as data: URLs and its styles inline. No blob:, no eval (pdf.js isEvalSupported off).
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
        + "base-uri 'self'; form-action 'self'";

    private static final RequestMatcher OWN_CREDENTIALS = (HttpServletRequest request) -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) || BearerTokens.presented(request);
    };

    /**
     * No observations of Spring Security's own (one around each of the chain's filters, the authentication and the
     * authorisation of every request): nothing reads them (only /actuator/health is exposed, there is no tracing),
     * and they cost about a tenth of the CPU of a short API request such as a sign-in (docs/performance.md). Since
     * issue 19 there is no observation registry at all (application.yml), so this holds should one come back.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The one provider of the global AuthenticationManager that both chains use (form login and HTTP Basic): as
     * a bean it keeps Spring from adding an unthrottled provider of its own that a throttled login could fall
     * back to.
     */
    @Bean
    ThrottledLoginProvider logins(UserDetailsService people, PasswordEncoder encoder, LoginThrottle throttle) {
        return new ThrottledLoginProvider(people, encoder, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, MessageSource messages, LocaleResolver locales, ObjectMapper json,
                            BearerTokens bearer) throws Exception {
        ApiRefusals refusals = new ApiRefusals(messages, locales, json);
        AuthenticationFilter tokens = new AuthenticationFilter(bearer, bearer);
        tokens.setSuccessHandler((request, response, authentication) -> { });
        tokens.setFailureHandler(refusals);
        http.securityMatcher("/api/**", "/v3/api-docs/**")
            .addFilterBefore(tokens, BasicAuthenticationFilter.class)
            .authorizeHttpRequests(auth -> auth.anyRequest().access(ReadOnlyTokens.CHECK))
            .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
            .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
            .csrf(csrf -> csrf.ignoringRequestMatchers(OWN_CREDENTIALS))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/favicon.ico", "/favicon.svg", "/error",
                    "/actuator/health", "/actuator/health/**").permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
