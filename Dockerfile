# Two stages so the runtime image carries a JRE and the jar, not the JDK, Maven and sources.
#   docker build -t community-lifecycle .
#   docker compose up          (see docker-compose.yml: PostgreSQL + the app)

# ---- build -------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# The wrapper pins the Maven version; it downloads Maven itself (falling back to plain Java
# when the image has neither curl nor wget), so nothing else has to be installed here.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/

# chmod: the executable bit is lost when the context comes from a Windows checkout.
# Tests are skipped here because CI runs them (.ci/run); the image build only packages.
RUN chmod +x mvnw && ./mvnw -B -q -DskipTests package

# ---- runtime -----------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl exists only for HEALTHCHECK: the Ubuntu-based temurin JRE image ships neither curl
# nor wget, and a JVM-based probe would cost a second JVM start on every check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

# A fixed, non-root uid so volume permissions and runAsNonRoot policies are predictable.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin app \
 && mkdir -p /app \
 && chown app:app /app
WORKDIR /app

# The jar stays root-owned so the running process cannot replace its own code.
# spring-boot:repackage leaves exactly one community-lifecycle-<version>.jar in target/.
COPY --from=build /build/target/community-lifecycle-*.jar /app/app.jar

# postgres is the deployment profile; override SPRING_PROFILES_ACTIVE for anything else.
# MaxRAMPercentage: the JVM default of 25 % of the container limit is too small for Camunda.
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

USER app
EXPOSE 8080

# start-period covers Camunda's first start, which creates its schema in an empty database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health > /dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
