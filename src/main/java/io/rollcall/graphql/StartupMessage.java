package io.rollcall.graphql;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says where to go once the server listens, with the port it really got.
 */
@Component
class StartupMessage implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(StartupMessage.class);

	private final boolean graphiQl;

	private final String path;

	StartupMessage(@Value("${rollcall.graphiql.enabled:true}") boolean graphiQl,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.graphiQl = graphiQl;
		this.path = path;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// A separate management server has a namespace of its own: not where to go.
		if (event.getApplicationContext().getServerNamespace() == null) {
			logger.info(message(event.getWebServer().getPort()));
		}
	}

	String message(int port) {
		String base = "http://localhost:" + port;
		return "Rollcall is ready: " + (this.graphiQl ? "GraphiQL at " + base + "/graphiql, " : "") + "GraphQL at "
				+ base + this.path;
	}

}
