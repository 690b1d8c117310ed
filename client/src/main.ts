// Entry point of the explorer; replaced by the full UI (issue 6).
const app = document.querySelector('#app');
if (app) app.textContent = '政策知识图谱';
