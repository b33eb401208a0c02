# One image for every Bitim role; the command picks the role (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
USER node
EXPOSE 3000
ENTRYPOINT ["node", "bin/bitim.mjs"]
CMD ["start"]
