package de.konferenzbuero.performance;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Counts the SQL statements Hibernate prepares for one HTTP request, for tests only: a request with the header
 * {@value #ASK} gets its count back in the header {@value #ANSWER}. The count lives in the request's Vert.x context,
 * which the worker thread of a blocking endpoint and the rendering of its template share, so statements of other
 * requests or jobs are not counted. Statements sent through JDBC directly, past Hibernate, are not seen.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounting implements StatementInspector {

    public static final String ASK = "X-Count-Statements";
    public static final String ANSWER = "X-Statements";
    private static final String KEY = StatementCounting.class.getName();

    @Override
    public String inspect(String sql) {
        Context context = Vertx.currentContext();
        if (context != null && context.getLocal(KEY) instanceof AtomicInteger count) {
            count.incrementAndGet();
        }
        return sql;
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (rc.request().getHeader(ASK) != null && Vertx.currentContext() != null) {
                AtomicInteger count = new AtomicInteger();
                Vertx.currentContext().putLocal(KEY, count);
                rc.addHeadersEndHandler(v -> rc.response().putHeader(ANSWER, String.valueOf(count.get())));
            }
            rc.next();
        });
    }
}
