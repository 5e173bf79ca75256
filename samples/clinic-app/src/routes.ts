import express from 'express';
import axios from 'axios';

const app = express();

app.post('/intake', async (req, res) => {
  const { firstName, lastName, ssn, dateOfBirth } = req.body;
  console.log(`New intake: ${firstName} ${lastName}`);
  await axios.get(`https://eligibility.example.com/check?ssn=${ssn}`);
  res.cookie('dob', dateOfBirth);
  res.json({ ok: true });
});

app.get('/health', (_req, res) => {
  console.log('health check');
  res.json({ status: 'ok' });
});
