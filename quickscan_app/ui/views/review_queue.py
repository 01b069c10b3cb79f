from quickscan_app.ui.screens.review_queue import render

render()
