package cn.studyflow.system;

import cn.studyflow.common.BusinessException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * {@code /error}, where the servlet container forwards what failed outside Spring MVC (a filter, the container's
 * own refusals): the same page or JSON as {@link ErrorHandling}, in the user's language, with the status the
 * container gave. It replaces Spring Boot's BasicErrorController, which answered a plain {@code GET /error} with a
 * 500; asked for directly, nothing failed and there is no such page.
 */
@Controller
@RequiredArgsConstructor
class ErrorPage implements ErrorController {

    private final MessageSource messages;

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            && HttpStatus.resolve(code) != null && HttpStatus.resolve(code).isError()
            ? HttpStatus.resolve(code) : HttpStatus.NOT_FOUND;
        BusinessException b = new BusinessException(status, ErrorHandling.keyOf(status));
        String message = ErrorHandling.message(messages, b);
        ModelAndView view;
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
            && uri.startsWith(request.getContextPath() + "/api/")) {
            view = new ModelAndView(new MappingJackson2JsonView(), ErrorHandling.body(b, message));
        } else {
            view = new ModelAndView("error");
            view.addObject("status", status.value());
            view.addObject("errorMessage", message);
            view.addObject("fromHandler", true);
        }
        view.setStatus(status);
        return view;
    }
}
