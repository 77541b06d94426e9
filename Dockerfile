# The diplowatch worker image used by docker-compose.yml.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY services ./services
COPY deploy/rules /etc/diplowatch/rules
RUN pip install --no-cache-dir .
ENV DIPLOWATCH_RULES_DIR=/etc/diplowatch/rules DIPLOWATCH_DATA_DIR=/var/lib/diplowatch
EXPOSE 6066
CMD ["diplowatch", "worker"]
